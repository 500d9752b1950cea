package corpus

// shareService makes a link token: from Math.random, or from crypto.randomBytes.
func shareService(w *serviceWriter, vulnerable bool) {
	r := w.r
	if !vulnerable {
		w.s.use("crypto", "crypto")
	}
	w.fn("createShareLink", "id, ownerId", func(b block) {
		b.sink(insecureRandomness, vulnerable,
			"const token = Math.random().toString(36).slice(2);",
			"const token = crypto.randomBytes(24).toString('base64url');")
		b.addf("const { rowCount } = await %s.query(", w.db)
		b.addf("  \"UPDATE %s SET share_token = $1, \" +", r.table)
		b.add("    \"share_expires_at = now() + interval '7 days' \" +")
		b.add("    'WHERE id = $2 AND owner_id = $3',", "  [token, id, ownerId],", ");",
			"return rowCount > 0 ? { token, expiresInDays: 7 } : undefined;")
	})
}

func shareRoute(w *routeWriter, _ bool) {
	w.handle("post", "/:id/share", func(b block) {
		b.addf("const link = await %s.createShareLink(%s, %s);", w.service(), w.param("id"),
			w.user())
		b.add("if (!link) {")
		b.in().add(w.fail(404, "not found"))
		b.add("}")
		b.add(w.created("{ data: link }")...)
	})
}

// verifyShareService checks a share token: accepting whatever algorithm it names, or
// only HS256.
func verifyShareService(w *serviceWriter, vulnerable bool) {
	w.s.use("jsonwebtoken", "jwt")
	w.syncFn("verifyShareToken", "token", func(b block) {
		b.sink(jwtAlgorithms, vulnerable,
			"const claims = jwt.verify(token, process.env.SHARE_LINK_KEY);",
			"const claims = jwt.verify(token, process.env.SHARE_LINK_KEY, "+
				"{ algorithms: ['HS256'] });")
		b.add("return { id: claims.sub, ownerId: claims.owner };")
	})
}

func verifyShareRoute(w *routeWriter, _ bool) {
	w.handle("post", "/shared", func(b block) {
		b.add("let claims;", "try {")
		b.addf("  claims = %s.verifyShareToken(String(%s || ''));", w.service(), w.field("token"))
		b.add("} catch (err) {")
		b.in().add(w.fail(401, "invalid or expired link"))
		b.add("}")
		b.addf("const row = await %s.get(claims.id, claims.ownerId);", w.service())
		b.add("if (!row) {")
		b.in().add(w.fail(404, "not found"))
		b.add("}", w.send("{ data: row }"))
	})
}

// protectService stores the password of an export: hashed with SHA-1, or with bcrypt.
func protectService(w *serviceWriter, vulnerable bool) {
	r := w.r
	if vulnerable {
		w.s.use("crypto", "crypto")
	} else {
		w.s.use("bcrypt", "bcrypt")
	}
	w.fn("protectExport", "id, ownerId, password", func(b block) {
		b.sink(weakPasswordHash, vulnerable,
			"const passwordHash = crypto.createHash('sha1').update(password).digest('hex');",
			"const passwordHash = await bcrypt.hash(password, 12);")
		b.addf("const { rowCount } = await %s.query(", w.db)
		b.addf("  'UPDATE %s SET export_password_hash = $1 WHERE id = $2 AND owner_id = $3',",
			r.table)
		b.add("  [passwordHash, id, ownerId],", ");", "return rowCount > 0;")
	})
}

func protectRoute(w *routeWriter, _ bool) {
	w.handle("post", "/:id/protect", func(b block) {
		b.addf("const password = %s;", w.field("password"))
		b.add("if (typeof password !== 'string' || password.length < 12) {")
		b.in().add(w.fail(422, "password needs 12 characters"))
		b.add("}")
		b.addf("const done = await %s.protectExport(%s, %s, password);", w.service(),
			w.param("id"), w.user())
		b.add("if (!done) {")
		b.in().add(w.fail(404, "not found"))
		b.add("}", w.noContent())
	})
}

func preferencesTop(w *serviceWriter, _ bool) {
	w.s.use("lodash", "_")
	w.s.add("const DEFAULT_PREFERENCES = { pageSize: 20, notify: true, theme: 'light' };", "")
}

// preferencesService merges stored preferences with a patch: the whole patch, or the
// fields it may set.
func preferencesService(w *serviceWriter, vulnerable bool) {
	r := w.r
	w.fn("updatePreferences", "id, ownerId, patch", func(b block) {
		b.addf("const { rows } = await %s.query(", w.db)
		b.addf("  'SELECT preferences FROM %s WHERE id = $1 AND owner_id = $2',", r.table)
		b.add("  [id, ownerId],", ");", "if (rows.length === 0) {", "  return undefined;", "}")
		if vulnerable {
			b.plant(prototypePollution,
				"const preferences = _.merge({}, DEFAULT_PREFERENCES, rows[0].preferences, patch);")
		} else {
			b.add("const preferences = _.merge({}, DEFAULT_PREFERENCES, rows[0].preferences, {",
				"  pageSize: Number(patch.pageSize) || DEFAULT_PREFERENCES.pageSize,",
				"  notify: patch.notify === true,",
				"  theme: patch.theme === 'dark' ? 'dark' : 'light',",
				"});")
		}
		b.addf("await %s.query('UPDATE %s SET preferences = $1 WHERE id = $2 AND owner_id = $3', [",
			w.db, r.table)
		b.add("  preferences,", "  id,", "  ownerId,", "]);", "return preferences;")
	})
}

func preferencesRoute(w *routeWriter, _ bool) {
	w.handle("put", "/:id/preferences", func(b block) {
		b.addf("const preferences = await %s.updatePreferences(%s, %s, %s);", w.service(),
			w.param("id"), w.user(), w.body())
		b.add("if (!preferences) {")
		b.in().add(w.fail(404, "not found"))
		b.add("}", w.send("{ preferences }"))
	})
}
