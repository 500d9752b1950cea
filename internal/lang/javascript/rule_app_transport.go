package javascript

import (
	"regexp"

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
