package javascript

import (
	"regexp"
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var tokenInURLRule = &rule.Rule{
	ID:            "js.token-in-url",
	Title:         "Token carried in a URL",
	Vulnerability: "Exposure of Sensitive Information Through Query Strings",
	CWE:           []string{"CWE-598"},
	OWASP:         []string{"A04:2021", "A07:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A redirect puts a token, session id or key in the query string, or a " +
		"middleware accepts the access token from the query string.",
	Impact: "URLs end up in browser history, proxy and server logs and Referer headers " +
		"sent to other sites: whoever reads them can replay the token and act as the " +
		"user.",
	Fix: "Carry tokens in the Authorization header or an httpOnly cookie; for redirects, " +
		"hand over a one-time code that is exchanged server-side, or use the URL fragment.",
	FixExample: `res.cookie('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });
res.redirect('/dashboard');`,
	Bad: "app.get('/sso/done', (req, res) => res.redirect('/app?token=' + issue(req)));\n",
	Good: "app.get('/sso/done', (req, res) => {\n" +
		"  res.cookie('session', issue(req), { httpOnly: true, secure: true });\n" +
		"  res.redirect('/app');\n});\n",
}

var (
	tokenParam = regexp.MustCompile(`(?i)[?&#](token|access_token|id_token|jwt|session|` +
		`sessionid|sid|apikey|api_key|key|auth)=`)
	queryToken = regexp.MustCompile(`(?i)^(token|access_token|accesstoken|jwt|api_key|` +
		`apikey|auth)$`)
)

var _ = addAppCheck([]*rule.Rule{tokenInURLRule}, func(c *appChecks, m *appmodel.Model) {
	seen := make(map[*model.Func]bool)
	for _, r := range m.Routes {
		c.checkTokenRedirect(routeCode(r))
		for _, mw := range r.Chain {
			if mw.Is(appmodel.Auth) && mw.Func != nil && !seen[mw.Func] {
				seen[mw.Func] = true
				c.checkQueryToken(mw.Func.WithNested())
			}
		}
	}
})

// checkTokenRedirect reports res.redirect('/x?token=' + token).
func (c *appChecks) checkTokenRedirect(code []*model.Func) {
	walkFuncs(code, func(x model.Expr) bool {
		call, ok := x.(*model.Call)
		m, isMember := callMember(call)
		if !ok || !isMember || m.Prop != "redirect" || len(call.Args) == 0 {
			return true
		}
		if concat, ok := call.Args[len(call.Args)-1].(*model.Concat); ok {
			for _, p := range concat.Parts {
				if v, ok := constValue(p); ok && tokenParam.MatchString(v) {
					c.report(tokenInURLRule, call.Pos, "Token put in a redirect URL")
					return true
				}
			}
		}
		return true
	})
}

// checkQueryToken reports an auth middleware that reads the token from req.query.
func (c *appChecks) checkQueryToken(code []*model.Func) {
	walkFuncs(code, func(x model.Expr) bool {
		m, ok := x.(*model.Member)
		if !ok {
			return true
		}
		if p := requestPath(m); len(p) == 2 && p[0] == "query" && queryToken.MatchString(p[1]) {
			c.report(tokenInURLRule, m.Pos, "Access token accepted in the query string")
			return false
		}
		return true
	})
}

var noHSTSRule = &rule.Rule{
	ID:            "js.no-https-enforcement",
	Title:         "Plain HTTP served without HSTS or a redirect to HTTPS",
	Vulnerability: "Cleartext Transmission of Sensitive Information",
	CWE:           []string{"CWE-319", "CWE-523"},
	OWASP:         []string{"A02:2021", "A05:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "An application listens itself and sets its security headers by hand, " +
		"but sends no Strict-Transport-Security header and has no middleware that " +
		"redirects plain HTTP to HTTPS.",
	Impact: "Browsers keep using http:// links and bookmarks: a network attacker reads " +
		"and changes the traffic, session cookies included, or strips the redirect.",
	Fix: "Send Strict-Transport-Security (helmet does), and redirect requests that did " +
		"not arrive over TLS.",
	FixExample: `app.use((req, res, next) => {
  if (!req.secure) return res.redirect(301, 'https://' + req.headers.host + req.originalUrl);
  res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
});`,
	Bad: "const express = require('express');\nconst app = express();\n" +
		"app.use((req, res, next) => { res.setHeader('X-Frame-Options', 'DENY'); next(); });\n" +
		"app.listen(80);\n",
	Good: "const express = require('express');\nconst app = express();\n" +
		"app.use((req, res, next) => {\n" +
		"  res.setHeader('Strict-Transport-Security', 'max-age=31536000'); next();\n});\n" +
		"app.listen(80);\n",
}

var _ = addAppCheck([]*rule.Rule{noHSTSRule}, func(c *appChecks, m *appmodel.Model) {
	for _, app := range m.Apps {
		if listen := listenCall(app); listen != nil && !enforcesHTTPS(app) {
			c.report(noHSTSRule, listen.Pos, "")
		}
	}
})

// listenCall returns the app's own app.listen(...), or nil.
func listenCall(app *appmodel.App) *model.Call {
	for _, call := range app.Calls {
		if m, ok := call.Callee.(*model.Member); ok && m.Prop == "listen" {
			return call
		}
	}
	return nil
}

// enforcesHTTPS reports an app with helmet (HSTS is on by default; turning it off is its
// own finding), or no security headers at all (also its own finding), or hand-written
// middleware that sends HSTS or redirects on req.secure / x-forwarded-proto.
func enforcesHTTPS(app *appmodel.App) bool {
	manual := false
	for _, mw := range app.Middleware {
		if !mw.Is(appmodel.Headers) && !mentionsTLS(mw.Func) {
			continue
		}
		if mw.Func == nil || mentionsTLS(mw.Func) {
			return true // helmet, or a redirect or HSTS by hand
		}
		manual = true
	}
	return !manual
}

// mentionsTLS reports code that sets Strict-Transport-Security or looks at whether the
// request came over TLS.
func mentionsTLS(fn *model.Func) bool {
	if fn == nil {
		return false
	}
	found := false
	walkFuncs(fn.WithNested(), func(x model.Expr) bool {
		switch e := x.(type) {
		case *model.Const:
			found = found || strings.EqualFold(e.Value, "strict-transport-security") ||
				strings.EqualFold(e.Value, "x-forwarded-proto")
		case *model.Member:
			found = found || e.Prop == "secure" && requestPath(e) != nil
		}
		return !found
	})
	return found
}
