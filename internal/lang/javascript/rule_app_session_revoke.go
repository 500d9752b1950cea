package javascript

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var logoutRule = &rule.Rule{
	ID:            "js.logout-without-invalidation",
	Title:         "Logout leaves the session or token valid",
	Vulnerability: "Insufficient Session Expiration",
	CWE:           []string{"CWE-613"},
	OWASP:         []string{"A07:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "The handler of a logout or sign-out route neither destroys the session " +
		"(req.session.destroy, req.logout, req.session = null), nor clears the cookie " +
		"(res.clearCookie), nor revokes the token (a call to revoke, invalidate, delete or " +
		"a deny list).",
	Impact: "After the user logs out, the session id or token still works: anyone who " +
		"copied it, or uses the same shared computer, stays signed in as that user.",
	Fix: "Destroy the server-side session and clear its cookie; for JWTs, put the token's " +
		"id on a deny list until it expires and delete the refresh token.",
	FixExample: `router.post('/logout', (req, res, next) => {
  req.session.destroy((err) => {
    if (err) return next(err);
    res.clearCookie('connect.sid').sendStatus(204);
  });
});`,
	Bad: "app.post('/logout', (req, res) => {\n  res.json({ ok: true });\n});\n",
	Good: "app.post('/logout', (req, res) => {\n" +
		"  req.session.destroy(() => res.json({ ok: true }));\n});\n",
}

var refreshRotationRule = &rule.Rule{
	ID:            "js.refresh-token-not-rotated",
	Title:         "Refresh token not rotated",
	Vulnerability: "Insufficient Session Expiration: Refresh Token Reuse",
	CWE:           []string{"CWE-613", "CWE-294"},
	OWASP:         []string{"A07:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A refresh route signs new tokens with jsonwebtoken but never revokes, " +
		"deletes or replaces the refresh token it was given: no call to revoke, delete, " +
		"destroy, invalidate, rotate or remove, and no update of a stored token.",
	Impact: "A stolen refresh token can be replayed for new access tokens for as long as " +
		"it lives, alongside the real user, and the server cannot tell the theft happened.",
	Fix: "Issue a new refresh token on every refresh, store it, and revoke the one " +
		"presented; treat the reuse of a revoked token as theft and revoke the whole family.",
	FixExample: `router.post('/refresh', async (req, res) => {
  const old = await RefreshToken.findOne({ token: req.cookies.refresh });
  if (!old || old.revoked) return res.sendStatus(401);
  await RefreshToken.revoke(old.id);
  const refresh = await RefreshToken.issue(old.userId);
  res.json({ token: jwt.sign({ sub: old.userId }, key, { expiresIn: '15m' }), refresh });
});`,
	Bad: "const jwt = require('jsonwebtoken');\napp.post('/refresh', (req, res) => {\n" +
		"  const claims = jwt.verify(req.body.refreshToken, process.env.REFRESH_SECRET, " +
		"{ algorithms: ['HS256'] });\n  res.json({ token: jwt.sign({ sub: claims.sub }, " +
		"process.env.JWT_SECRET, { expiresIn: '15m' }) });\n});\n",
	Good: "const jwt = require('jsonwebtoken');\napp.post('/refresh', async (req, res) => {\n" +
		"  const claims = jwt.verify(req.body.refreshToken, process.env.REFRESH_SECRET, " +
		"{ algorithms: ['HS256'] });\n  await tokens.revoke(req.body.refreshToken);\n" +
		"  res.json({ token: jwt.sign({ sub: claims.sub }, " +
		"process.env.JWT_SECRET, { expiresIn: '15m' }) });\n});\n",
}

var _ = addAppCheck([]*rule.Rule{logoutRule, refreshRotationRule},
	func(c *appChecks, m *appmodel.Model) {
		for _, r := range m.Routes {
			c.checkLogout(r)
			c.checkRefreshRotation(r)
		}
	})

// wordJoiners are dropped from paths before words are looked for; a Replacer is built
// once, on first use, and is costly enough that building one per route showed in scans.
var wordJoiners = strings.NewReplacer("-", "", "_", "")

// pathHasWord reports whether a route's path contains one of words, ignoring case,
// dashes and underscores: sign-out and sign_out both contain signout.
func pathHasWord(r *appmodel.Route, words ...string) bool {
	p := wordJoiners.Replace(strings.ToLower(r.Path))
	for _, w := range words {
		if strings.Contains(p, w) {
			return true
		}
	}
	return false
}

// revokeWords are words in a callee's name that end a session or a token's validity.
var revokeWords = []string{
	"revoke", "blacklist", "blocklist", "denylist", "invalidate", "destroy", "delete",
	"remove", "rotate",
}

// revokes reports a call that ends a session or a token: one whose name has a revoke
// word, or is Redis's del.
func revokes(name string) bool {
	lower := strings.ToLower(name)
	for _, w := range revokeWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return lower == "del" || strings.HasSuffix(lower, ".del")
}

// checkLogout reports a logout route whose handler and middleware end nothing. A
// handler not in view is left alone.
func (c *appChecks) checkLogout(r *appmodel.Route) {
	if r.HandlerFunc == nil || !pathHasWord(r, "logout", "signout") {
		return
	}
	ends := false
	code := routeReach(r)
	eachCallIn(code, func(fn *model.Func, call *model.Call) {
		ends = ends || endsSession(fn, call)
	})
	if ends || clearsSession(code) {
		return
	}
	c.report(logoutRule, r.Pos, "Logout route "+r.Method+" "+r.Path+
		" leaves the session or token valid")
}

// endsSession reports a call that logs out, destroys the session, clears or empties a
// cookie, or revokes a token. A call to something named logout or signOut hands the work
// to code that is not in view, and counts.
func endsSession(fn *model.Func, call *model.Call) bool {
	name := sessionCallee(fn.Module, call)
	last := strings.ToLower(name[strings.LastIndexByte(name, '.')+1:])
	switch {
	case last == "logout" || last == "signout" || last == "clearcookie":
		return true
	case isResCookie(call):
		return emptiesCookie(fn, call)
	}
	return revokes(name)
}

// emptiesCookie reports res.cookie(name, "") and res.cookie(name, value, { maxAge: 0 }),
// which clear the cookie as res.clearCookie does.
func emptiesCookie(fn *model.Func, call *model.Call) bool {
	if k, ok := call.Args[1].(*model.Const); ok && k.Kind == model.String && k.Value == "" {
		return true
	}
	if len(call.Args) < 3 {
		return false
	}
	props, _ := literalProps(fn, call.Args[2])
	k, ok := lastPropValue(props, "maxAge").(*model.Const)
	return ok && k.Value == "0"
}

// clearsSession reports req.session = null, how cookie-session logs out.
func clearsSession(code []*model.Func) bool {
	for _, fn := range code {
		for _, s := range fn.Body {
			a, ok := s.(*model.Assign)
			if !ok {
				continue
			}
			t, ok := a.To.(*model.MemberTarget)
			k, null := a.Value.(*model.Const)
			if ok && t.Prop == "session" && null && k.Kind == model.Null {
				return true
			}
		}
	}
	return false
}

// checkRefreshRotation reports a refresh route that signs tokens and neither revokes nor
// replaces the refresh token it was given.
func (c *appChecks) checkRefreshRotation(r *appmodel.Route) {
	if r.HandlerFunc == nil || !pathHasWord(r, "refresh") {
		return
	}
	signs, rotates := false, false
	code := routeReach(r)
	eachCallIn(code, func(fn *model.Func, call *model.Call) {
		name := sessionCallee(fn.Module, call)
		signs = signs || fn.Module.Qualify(call.Callee) == "jsonwebtoken.sign"
		rotates = rotates || revokes(name) || storesToken(name, call)
	})
	if !signs || rotates || assignsStoredToken(code) {
		return
	}
	c.report(refreshRotationRule, r.Pos, "Refresh route "+r.Method+" "+r.Path+
		" issues tokens without revoking the refresh token")
}

// storeWrites are words in the last name of a callee that write a stored record.
var storeWrites = []string{"update", "upsert", "replace"}

// storeSetters are Redis's writes of a key.
var storeSetters = map[string]bool{"set": true, "setex": true, "hset": true}

// storesToken reports a write that mentions a token: User.updateOne({ id }, {
// refreshToken }), redis.set(`refresh:${id}`, token), db.query('DELETE FROM tokens ...').
func storesToken(name string, call *model.Call) bool {
	last := strings.ToLower(name[strings.LastIndexByte(name, '.')+1:])
	writes := storeSetters[last] || sqlWritesRows(call)
	for _, w := range storeWrites {
		writes = writes || strings.Contains(last, w)
	}
	if !writes {
		return false
	}
	mentions := false
	for _, a := range call.Args {
		model.WalkExpr(a, func(x model.Expr) bool {
			mentions = mentions || mentionsToken(x)
			return !mentions
		})
	}
	return mentions
}

// mentionsToken reports an object key, a variable or a string that names a token or a
// refresh: { refreshToken }, `refresh:${id}`, 'DELETE FROM tokens ...'.
func mentionsToken(x model.Expr) bool {
	switch x := x.(type) {
	case *model.Object:
		for _, p := range x.Props {
			if namesToken(p.Key) {
				return true
			}
		}
	case *model.Ref:
		return namesToken(x.Name)
	case *model.Const:
		lower := strings.ToLower(x.Value)
		return x.Kind == model.String &&
			(strings.Contains(lower, "token") || strings.Contains(lower, "refresh"))
	}
	return false
}

// namesToken reports a name with a word that starts with token or is refresh:
// refreshToken, tokens, refresh_id.
func namesToken(name string) bool {
	for _, w := range words(name) {
		if strings.HasPrefix(w, "token") || w == "refresh" {
			return true
		}
	}
	return false
}

// sqlWritesRows reports a call whose first argument is SQL text that updates or deletes rows.
func sqlWritesRows(call *model.Call) bool {
	if len(call.Args) == 0 {
		return false
	}
	var text string
	switch x := call.Args[0].(type) {
	case *model.Const:
		text = stringLiteral(x)
	case *model.Concat:
		for _, p := range x.Parts {
			text += stringLiteral(p)
		}
	}
	text = strings.ToUpper(text)
	return strings.Contains(text, "UPDATE ") || strings.Contains(text, "DELETE ")
}

// assignsStoredToken reports user.refreshToken = ..., a stored token replaced in place
// before a save.
func assignsStoredToken(code []*model.Func) bool {
	for _, fn := range code {
		for _, s := range fn.Body {
			if a, ok := s.(*model.Assign); ok {
				t, ok := a.To.(*model.MemberTarget)
				if ok && namesToken(t.Prop) {
					return true
				}
			}
		}
	}
	return false
}
