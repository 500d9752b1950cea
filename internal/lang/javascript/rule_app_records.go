package javascript

import (
	"regexp"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var recordExposedRule = &rule.Rule{
	ID:            "js.user-record-exposed",
	Title:         "Whole user record returned to the client",
	Vulnerability: "Exposure of Sensitive Information",
	CWE:           []string{"CWE-200", "CWE-359"},
	OWASP:         []string{"A01:2021", "A04:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.LowConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A handler loads a user or account record and sends it as it is, with no " +
		"field selection, so the password hash, tokens and internal fields go out too.",
	Impact: "Password hashes, reset tokens, MFA secrets and personal data of the record " +
		"reach the client, and through it whoever can read the response.",
	Fix: "Select the fields the client needs in the query (attributes, select, " +
		"projection), or map the record to a response object.",
	FixExample: `const user = await User.findByPk(req.user.id, {
  attributes: ['id', 'email', 'name'],
});
res.json(user);`,
	Bad: "app.get('/me', async (req, res) => {\n" +
		"  const user = await User.findByPk(req.user.id);\n  res.json(user);\n});\n",
	Good: "app.get('/me', async (req, res) => {\n" +
		"  const user = await User.findByPk(req.user.id, { attributes: ['id', 'email'] });\n" +
		"  res.json(user);\n});\n",
}

var (
	userModels = regexp.MustCompile(`(?i)(^|\.)(users?|accounts?|members?|customers?|` +
		`profiles?)\.`)
	projection = regexp.MustCompile(`^(attributes|select|projection|exclude|omit|fields)$`)
	loaders    = regexp.MustCompile(`^(findOne|findById|findByPk|findUnique|findFirst|` +
		`findAll|findMany|find)$`)
)

var _ = addAppCheck([]*rule.Rule{recordExposedRule}, func(c *appChecks, m *appmodel.Model) {
	for _, r := range m.Routes {
		if r.HandlerFunc != nil {
			c.checkRecordExposed(r.HandlerFunc)
		}
	}
})

// checkRecordExposed reports res.json(user) where user was loaded whole in the handler.
func (c *appChecks) checkRecordExposed(fn *model.Func) {
	loaded := wholeRecords(fn)
	if len(loaded) == 0 {
		return
	}
	walkFuncs([]*model.Func{fn}, func(x model.Expr) bool {
		call, ok := x.(*model.Call)
		m, isMember := callMember(call)
		if !ok || !isMember || (m.Prop != "json" && m.Prop != "send") || len(call.Args) == 0 {
			return true
		}
		if sendsRecord(call.Args[0], loaded) {
			c.report(recordExposedRule, call.Pos, "")
		}
		return true
	})
}

// wholeRecords returns the variables a function assigns a user record loaded without a
// field selection.
func wholeRecords(fn *model.Func) map[string]bool {
	out := make(map[string]bool)
	for _, s := range fn.Body {
		a, ok := s.(*model.Assign)
		if !ok {
			continue
		}
		v, ok := a.To.(*model.VarTarget)
		call, isCall := a.Value.(*model.Call)
		if ok && isCall && loadsWholeUser(fn.Module, call) {
			out[v.Name] = true
		}
	}
	return out
}

// loadsWholeUser reports User.findByPk(id) with no projection option and no .select().
func loadsWholeUser(mod *model.Module, call *model.Call) bool {
	m, ok := call.Callee.(*model.Member)
	if !ok || !loaders.MatchString(m.Prop) || !userModels.MatchString(mod.Qualify(m)+".") {
		return false
	}
	for _, a := range call.Args {
		if obj, ok := a.(*model.Object); ok {
			for _, p := range obj.Props {
				if projection.MatchString(p.Key) {
					return false
				}
			}
		}
	}
	return true
}

// sendsRecord reports a loaded record sent as it is, or as a property of the response.
func sendsRecord(x model.Expr, loaded map[string]bool) bool {
	switch e := x.(type) {
	case *model.Ref:
		return loaded[e.Name]
	case *model.Object:
		for _, p := range e.Props {
			if ref, ok := p.Value.(*model.Ref); ok && loaded[ref.Name] {
				return true
			}
		}
	}
	return false
}
