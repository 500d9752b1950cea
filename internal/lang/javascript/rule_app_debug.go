package javascript

import (
	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var devModeRule = &rule.Rule{
	ID:            "js.development-mode-forced",
	Title:         "Development mode forced in code",
	Vulnerability: "Active Debug Code",
	CWE:           []string{"CWE-489", "CWE-215"},
	OWASP:         []string{"A05:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "The code sets NODE_ENV or Express's env setting to development, whatever " +
		"the deployment says.",
	Impact: "Express and many libraries then show stack traces and verbose errors, skip " +
		"caches and turn on debug features in production too.",
	Fix: "Let the deployment set NODE_ENV, and default to production behaviour when it is " +
		"unset.",
	FixExample: `const isProduction = process.env.NODE_ENV !== 'development';`,
	Bad:        "process.env.NODE_ENV = 'development';\n",
	Good:       "const isDev = process.env.NODE_ENV === 'development';\n",
}

var _ = addAppCheck([]*rule.Rule{devModeRule}, func(c *appChecks, m *appmodel.Model) {
	for _, mod := range m.Modules {
		for _, fn := range mod.Funcs {
			for _, s := range fn.Body {
				c.checkDevMode(mod, s)
			}
		}
	}
})

// checkDevMode reports process.env.NODE_ENV = 'development' and app.set('env',
// 'development').
func (c *appChecks) checkDevMode(mod *model.Module, s model.Stmt) {
	switch s := s.(type) {
	case *model.Assign:
		t, ok := s.To.(*model.MemberTarget)
		v, isConst := constValue(s.Value)
		if ok && isConst && v == "development" && t.Prop == "NODE_ENV" &&
			mod.Qualify(t.Obj) == "process.env" {
			c.report(devModeRule, s.Pos, "")
		}
	case *model.Eval:
		call, ok := s.X.(*model.Call)
		m, isMember := callMember(call)
		if !ok || !isMember || m.Prop != "set" || len(call.Args) < 2 {
			return
		}
		k, _ := constValue(call.Args[0])
		v, _ := constValue(call.Args[1])
		if k == "env" && v == "development" {
			c.report(devModeRule, call.Pos, "")
		}
	}
}
