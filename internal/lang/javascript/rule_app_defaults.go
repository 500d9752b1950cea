package javascript

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var defaultCredentialsRule = &rule.Rule{
	ID:            "js.default-credentials",
	Title:         "Default credentials",
	Vulnerability: "Use of Default Credentials",
	CWE:           []string{"CWE-1392", "CWE-798"},
	OWASP:         []string{"A07:2021", "A05:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "Code accepts a well-known password (admin, password, changeme, 123456...) " +
		"by comparing with it, or seeds an account with one.",
	Impact: "The first thing attackers try: a login with the default password gives them " +
		"the account, often an administrator's.",
	Fix: "Create initial accounts with a random password shown once or set from the " +
		"environment, and force a change at first login; never compare with a literal.",
	FixExample: `const initialPassword = process.env.ADMIN_INITIAL_PASSWORD;
if (!initialPassword) throw new Error('ADMIN_INITIAL_PASSWORD is not set');
await User.create({
  email: 'admin@example.com',
  passwordHash: await bcrypt.hash(initialPassword, 12),
});`,
	Bad: "app.post('/login', (req, res) =>\n" +
		"  res.json({ ok: req.body.user === 'admin' && req.body.password === 'admin' }));\n",
	Good: "app.post('/login', async (req, res) =>\n" +
		"  res.json({ ok: await verifyLogin(req.body.user, req.body.password) }));\n",
}

// defaultPasswords are the passwords scanners and attackers try first.
var defaultPasswords = map[string]bool{
	"admin": true, "password": true, "changeme": true, "change-me": true, "123456": true,
	"12345678": true, "root": true, "toor": true, "secret": true, "default": true,
	"letmein": true, "admin123": true, "password123": true, "qwerty": true, "test": true,
}

var _ = addAppCheck([]*rule.Rule{defaultCredentialsRule}, func(c *appChecks, m *appmodel.Model) {
	for _, mod := range m.Modules {
		for _, fn := range mod.Funcs {
			walkFuncs([]*model.Func{fn}, func(x model.Expr) bool {
				c.checkDefaultPassword(x)
				return true
			})
		}
	}
})

func (c *appChecks) checkDefaultPassword(x model.Expr) {
	switch e := x.(type) {
	case *model.Op:
		if (e.Op == "===" || e.Op == "==") && len(e.Args) == 2 && comparesDefault(e.Args) {
			c.report(defaultCredentialsRule, e.Pos, "Default password accepted")
		}
	case *model.Object:
		for _, p := range e.Props {
			if v, ok := constValue(p.Value); ok && passwordKey.MatchString(p.Key) &&
				defaultPasswords[strings.ToLower(v)] {
				c.report(defaultCredentialsRule, p.Value.At(),
					"Account seeded with a default password")
			}
		}
	}
}

// comparesDefault reports `password === 'admin'`: a password on one side, a default on
// the other.
func comparesDefault(args []model.Expr) bool {
	for i, a := range args {
		v, ok := constValue(args[1-i])
		if ok && defaultPasswords[strings.ToLower(v)] && passwordKey.MatchString(endName(a)) {
			return true
		}
	}
	return false
}
