package corpus

// writeAuthRoutes writes src/routes/auth.js: login with a constant-time password check
// and logged failures, and registration with a password policy and bcrypt.
func writeAuthRoutes(a *app) *source {
	s := newSource(a.dir+"/src/routes/auth.js", commonJS)
	s.use("bcrypt", "bcrypt")
	s.use("jsonwebtoken", "jwt")
	s.use("../lib/logger", "logger")
	s.use("../services/users.service", "users")
	w := &routeWriter{s: s, web: web{koa: a.koa}}
	if a.koa {
		s.use("@koa/router", "Router")
		s.use("../middleware/rateLimit", "limits")
		s.add("const router = new Router({ prefix: '/api/auth' });", "router.use(limits.auth);")
	} else {
		s.use("express", "express")
		s.add("const router = express.Router();")
	}
	s.add("const ISSUER = process.env.JWT_ISSUER || 'https://auth.example.com';",
		"const MIN_PASSWORD = 12;", "",
		"function issue(user) {",
		"  return jwt.sign({ sub: user.id, roles: user.roles }, process.env.JWT_PRIVATE_KEY, {",
		"    algorithm: 'RS256',",
		"    expiresIn: '15m',",
		"    issuer: ISSUER,",
		"  });",
		"}", "")
	w.handle("post", "/login", func(b block) {
		b.addf("const email = String(%s || '').trim().toLowerCase();", w.field("email"))
		b.addf("const password = String(%s || '');", w.field("password"))
		b.add("const user = await users.findByEmail(email);",
			"if (!user || !(await bcrypt.compare(password, user.passwordHash))) {",
			"  logger.warn({ email }, 'failed login');")
		b.in().add(w.fail(401, "invalid email or password"))
		b.add("}", w.send("{ token: issue(user), expiresIn: 900 }"))
	})
	w.handle("post", "/register", func(b block) {
		b.addf("const email = String(%s || '').trim().toLowerCase();", w.field("email"))
		b.addf("const password = String(%s || '');", w.field("password"))
		b.add("if (!/^[^@\\s]+@[^@\\s]+$/.test(email)) {")
		b.in().add(w.fail(422, "invalid email"))
		b.add("}", "const strong = password.length >= MIN_PASSWORD &&",
			"  /[0-9]/.test(password) && /[a-z]/i.test(password);", "if (!strong) {")
		b.in().add(w.fail(422, "password needs 12 characters, letters and digits"))
		b.add("}",
			"const passwordHash = await bcrypt.hash(password, 12);",
			"const user = await users.create({ email, passwordHash });")
		b.add(w.created("{ id: user.id, email: user.email }")...)
	})
	s.add("module.exports = router;")
	return s
}

// writeUsersService writes src/services/users.service.js, which the login reads.
func writeUsersService(a *app) *source {
	s := newSource(a.dir+"/src/services/users.service.js", commonJS)
	s.need("../db", "pool")
	s.add("async function findByEmail(email) {",
		"  const { rows } = await pool.query(",
		"    'SELECT id, email, password_hash, roles FROM users WHERE email = $1',",
		"    [email],",
		"  );",
		"  const row = rows[0];",
		"  if (!row) {",
		"    return undefined;",
		"  }",
		"  return {", "    id: row.id,", "    email: row.email,",
		"    passwordHash: row.password_hash,", "    roles: row.roles || [],", "  };",
		"}", "",
		"async function create({ email, passwordHash }) {",
		"  const { rows } = await pool.query(",
		"    'INSERT INTO users (email, password_hash) VALUES ($1, $2) RETURNING id, email',",
		"    [email, passwordHash],",
		"  );",
		"  return rows[0];",
		"}", "",
		"module.exports = { findByEmail, create };")
	return s
}
