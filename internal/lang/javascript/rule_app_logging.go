package javascript

import (
	"regexp"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var sensitiveLogRule = &rule.Rule{
	ID:            "js.sensitive-data-logged",
	Title:         "Secret written to the logs",
	Vulnerability: "Insertion of Sensitive Information into Log File",
	CWE:           []string{"CWE-532"},
	OWASP:         []string{"A09:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A route handler logs a password, a token, an API key, the Authorization " +
		"header or the whole body of an authentication request.",
	Impact: "Everyone with access to the logs, and every system they are shipped to, gets " +
		"credentials that work: passwords, session tokens and keys.",
	Fix: "Log who and what happened, never the secret: the user id and the outcome, and " +
		"configure the logger to redact credential fields.",
	FixExample: `logger.info({ userId: user.id, outcome: 'login-failed' }, 'login attempt');`,
	Bad: "app.post('/login', (req, res) => {\n" +
		"  console.log('login', req.body.email, req.body.password);\n  res.end();\n});\n",
	Good: "app.post('/login', (req, res) => {\n" +
		"  console.log('login', req.body.email);\n  res.end();\n});\n",
}

var authNotLoggedRule = &rule.Rule{
	ID:            "js.auth-failures-not-logged",
	Title:         "Failed logins are not logged",
	Vulnerability: "Insufficient Logging of Security Events",
	CWE:           []string{"CWE-778"},
	OWASP:         []string{"A09:2021"},
	Severity:      rule.Low,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description:   "A login handler refuses credentials without writing anything to a log.",
	Impact: "Brute-force and credential-stuffing runs go unseen: no alert fires and an " +
		"investigation has no trail of which accounts were attacked.",
	Fix: "Log every failed and successful login with the account, the client address " +
		"and the outcome, without the password.",
	FixExample: `if (!ok) {
  logger.warn({ email, ip: req.ip }, 'login failed');
  return res.status(401).json({ error: 'invalid credentials' });
}`,
	Bad: "app.post('/login', async (req, res) => {\n" +
		"  if (!(await check(req.body))) return res.status(401).end();\n  res.end();\n});\n",
	Good: "app.post('/login', async (req, res) => {\n" +
		"  if (!(await check(req.body))) {\n" +
		"    console.warn('login failed', req.body.email);\n" +
		"    return res.status(401).end();\n  }\n  res.end();\n});\n",
}

var (
	secretText = regexp.MustCompile(`(?i)password|passwd|secret|token|apikey|api_key|` +
		`authorization|cookie|creditcard|cardnumber|cvv`)
	loginPaths = regexp.MustCompile(`^(login|signin|sign-in|log-in|session|sessions|token)$`)
	logMethods = regexp.MustCompile(`^(log|info|warn|error|debug|trace|fatal|notice|verbose)$`)
)

var _ = addAppCheck([]*rule.Rule{sensitiveLogRule, authNotLoggedRule},
	func(c *appChecks, m *appmodel.Model) {
		reported := make(map[string]bool)
		for _, r := range m.Routes {
			code := routeCode(r)
			c.checkSensitiveLogs(r, code)
			if !reported[r.Pos.File] && c.checkLoginLogged(r, code) {
				reported[r.Pos.File] = true // one per service is enough
			}
		}
	})

// logCall reports whether a call writes to a log: console.*, or a log method of an
// object whose name says it is a logger.
func logCall(call *model.Call) bool {
	m, ok := call.Callee.(*model.Member)
	if !ok || !logMethods.MatchString(m.Prop) {
		return false
	}
	recv := endName(m.Obj)
	return recv == "console" || loggerName.MatchString(recv)
}

// loggerName matches the names loggers are given: logger, log, appLogger, winstonLog.
var loggerName = regexp.MustCompile(`(?i)log`)

// checkSensitiveLogs reports log calls whose arguments name a secret, or log the whole
// body of an authentication request.
func (c *appChecks) checkSensitiveLogs(r *appmodel.Route, code []*model.Func) {
	auth := pathMatches(lastSegments(r.Path, 2), authPaths)
	walkFuncs(code, func(x model.Expr) bool {
		call, ok := x.(*model.Call)
		if !ok || !logCall(call) {
			return true
		}
		for _, a := range call.Args {
			if loggedSecret(a) || auth && isWholeBody(a) {
				c.report(sensitiveLogRule, call.Pos, "")
				return false
			}
		}
		return true
	})
}

// loggedSecret reports an argument that reads a secret-named value: req.body.password,
// req.headers.authorization, user.apiKey. Constants (a message that says "password") are
// no secret.
func loggedSecret(x model.Expr) bool {
	found := false
	model.WalkExpr(x, func(e model.Expr) bool {
		switch v := e.(type) {
		case *model.Member:
			found = found || secretText.MatchString(v.Prop)
		case *model.Ref:
			found = found || secretText.MatchString(v.Name)
		case *model.Object:
			for _, p := range v.Props {
				found = found || secretText.MatchString(p.Key) && !isConst(p.Value)
			}
		}
		return !found
	})
	return found
}

func isConst(x model.Expr) bool {
	_, ok := x.(*model.Const)
	return ok
}

// isWholeBody reports req.body itself.
func isWholeBody(x model.Expr) bool {
	p := requestPath(x)
	return len(p) == 1 && p[0] == "body"
}

// checkLoginLogged reports a login route that denies without logging; it returns whether
// the route was a login route at all.
func (c *appChecks) checkLoginLogged(r *appmodel.Route, code []*model.Func) bool {
	if r.Method != "POST" || !pathMatches(lastSegments(r.Path, 1), loginPaths) {
		return false
	}
	logs := false
	walkFuncs(code, func(x model.Expr) bool {
		if call, ok := x.(*model.Call); ok && logCall(call) {
			logs = true
		}
		return !logs
	})
	if !logs {
		c.report(authNotLoggedRule, r.Pos, "Failed logins are not logged on "+r.Path)
	} else {
		c.positive("Login attempts are logged on "+r.Method+" "+r.Path, r.Pos)
	}
	return true
}
