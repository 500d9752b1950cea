package javascript

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var insecureCookieRule = &rule.Rule{
	ID:            "js.insecure-cookie",
	Title:         "Session or token cookie without its security flags",
	Vulnerability: "Sensitive Cookie Without HttpOnly, Secure or SameSite",
	CWE:           []string{"CWE-1004", "CWE-614", "CWE-1275"},
	OWASP:         []string{"A05:2021", "A07:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "res.cookie sets a cookie named like a session or token, or holding a " +
		"freshly signed JWT, without httpOnly: true, secure: true or a sameSite policy; " +
		"or express-session or cookie-session is configured with httpOnly: false or " +
		"secure: false.",
	Impact: "Without httpOnly any injected script reads the token and sends it away; " +
		"without secure the browser sends it over plain HTTP where the network can read " +
		"it; without sameSite other sites make requests that carry it (CSRF).",
	Fix: "Set httpOnly, secure and sameSite on every cookie that carries a session or a " +
		"token, and leave express-session's httpOnly default alone.",
	FixExample: `res.cookie('token', token, {
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  maxAge: 15 * 60 * 1000,
});`,
	Bad: "app.post('/login', (req, res) => {\n" +
		"  res.cookie('session', req.sessionID, { httpOnly: true });\n  res.end();\n});\n",
	Good: "app.post('/login', (req, res) => {\n  res.cookie('session', req.sessionID, " +
		"{ httpOnly: true, secure: true, sameSite: 'lax' });\n  res.end();\n});\n",
}

var _ = addAppCheck([]*rule.Rule{insecureCookieRule}, func(c *appChecks, m *appmodel.Model) {
	code := newSessionCode(m)
	code.eachCall(func(fn *model.Func, call *model.Call) {
		if isResCookie(call) {
			c.checkTokenCookie(fn, call)
		}
	})
	for _, mw := range sessionStores(m) {
		c.checkSessionCookie(code, mw)
	}
})

// cookieResponders are the names an Express handler gives its response.
var cookieResponders = map[string]bool{"res": true, "response": true, "resp": true}

// isResCookie reports res.cookie(name, value, ...).
func isResCookie(call *model.Call) bool {
	member, ok := call.Callee.(*model.Member)
	if !ok || member.Prop != "cookie" || len(call.Args) < 2 {
		return false
	}
	ref, ok := member.Obj.(*model.Ref)
	return ok && cookieResponders[ref.Name]
}

// tokenCookieWords are words of a cookie or variable name that mark a session or a
// token. sid must be a word of its own; the others may start one ("sessionid").
var tokenCookieWords = []string{"token", "session", "auth", "jwt", "refresh"}

// namesSessionOrToken reports a name that holds a session or a token. CSRF tokens are left out:
// the double-submit pattern needs them readable by scripts.
func namesSessionOrToken(name string) bool {
	ws := words(name)
	for _, w := range ws {
		if w == "csrf" || w == "xsrf" {
			return false
		}
	}
	for _, w := range ws {
		if w == "sid" {
			return true
		}
		for _, stem := range tokenCookieWords {
			if strings.HasPrefix(w, stem) {
				return true
			}
		}
	}
	return false
}

// tokenCookieFlags are the options that keep a token cookie from scripts, plain HTTP and other
// sites, in the order a title names them.
var tokenCookieFlags = []string{"httpOnly", "secure", "sameSite"}

// checkTokenCookie reports a session or token cookie set without one of the flags, and
// notes one with all of them as a good practice. A cookie whose options are built out of
// view is left alone, and so is one set to "" to clear it.
func (c *appChecks) checkTokenCookie(fn *model.Func, call *model.Call) {
	name, value := call.Args[0], followAssigned(fn, call.Args[1])
	if k, ok := value.(*model.Const); ok && k.Kind == model.String && k.Value == "" {
		return
	}
	if !namesSessionOrToken(stringLiteral(name)) && !holdsSignedToken(fn, call.Args[1], value) {
		return
	}
	var props []model.Prop
	if len(call.Args) > 2 {
		var known bool
		if props, known = literalProps(fn, call.Args[2]); !known {
			return
		}
	}

	var missing []string
	for _, flag := range tokenCookieFlags {
		if v := lastPropValue(props, flag); v == nil || isFalseLiteral(v) {
			missing = append(missing, flag)
		}
	}
	if len(missing) == 0 {
		c.positive("Session cookies are httpOnly and secure", call.Args[2].At())
		return
	}
	what := "Token cookie"
	if n := stringLiteral(name); n != "" {
		what = "Cookie '" + n + "'"
	}
	c.report(insecureCookieRule, call.Pos, what+" set without "+listFlags(missing))
}

// holdsSignedToken reports a cookie value that is a token: a variable named like one, or a
// value that jsonwebtoken's sign returned.
func holdsSignedToken(fn *model.Func, arg, value model.Expr) bool {
	if ref, ok := arg.(*model.Ref); ok && namesSessionOrToken(ref.Name) {
		return true
	}
	call, ok := value.(*model.Call)
	return ok && fn.Module.Qualify(call.Callee) == "jsonwebtoken.sign"
}

// stringLiteral returns a string literal's value, or "".
func stringLiteral(x model.Expr) string {
	if k, ok := x.(*model.Const); ok && k.Kind == model.String {
		return k.Value
	}
	return ""
}

// listFlags names flags as a list: "httpOnly, secure and sameSite".
func listFlags(flags []string) string {
	if len(flags) == 1 {
		return flags[0]
	}
	return strings.Join(flags[:len(flags)-1], ", ") + " and " + flags[len(flags)-1]
}

// sessionStores returns each session middleware made by a call (express-session,
// cookie-session) once, from the apps and from every route's chain.
func sessionStores(m *appmodel.Model) []*appmodel.Middleware {
	var out []*appmodel.Middleware
	seen := make(map[model.Pos]bool)
	add := func(mws []*appmodel.Middleware) {
		for _, mw := range mws {
			if mw.Is(appmodel.Session) && mw.Call != nil && !seen[mw.Pos] {
				seen[mw.Pos] = true
				out = append(out, mw)
			}
		}
	}
	for _, app := range m.Apps {
		add(app.Middleware)
	}
	for _, r := range m.Routes {
		add(r.Chain)
	}
	return out
}

// checkSessionCookie reports httpOnly: false or secure: false in the options of a session
// middleware: express-session's cookie object, or cookie-session's options themselves.
// Options held in a variable are followed when the middleware's module is in view.
func (c *appChecks) checkSessionCookie(code *sessionCode, mw *appmodel.Middleware) {
	if len(mw.Call.Args) == 0 {
		return
	}
	var fn *model.Func
	if mod := code.module(mw.Pos.File); mod != nil {
		fn = mod.Init
	}
	props, _ := literalProps(fn, mw.Call.Args[0])
	if cookie := lastPropValue(props, "cookie"); cookie != nil {
		props, _ = literalProps(fn, cookie)
	}

	safe := true
	for _, flag := range tokenCookieFlags[:2] {
		if v := lastPropValue(props, flag); v != nil && isFalseLiteral(v) {
			c.report(insecureCookieRule, v.At(), "Session cookie set with "+flag+": false")
			safe = false
		}
	}
	if secure := lastPropValue(props, "secure"); safe && secure != nil {
		c.positive("Session cookies are httpOnly and secure", secure.At())
	}
}
