package javascript

import (
	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var corsRule = &rule.Rule{
	ID:            "js.cors-permissive",
	Title:         "CORS accepts any origin with credentials",
	Vulnerability: "Permissive Cross-Origin Resource Sharing",
	CWE:           []string{"CWE-942", "CWE-346"},
	OWASP:         []string{"A05:2021", "A01:2021"},
	Severity:      rule.High,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "The cors middleware reflects any origin (origin: true, or a callback that " +
		"accepts every origin) together with credentials: true; or allows every origin " +
		"('*', the default) on an application that authenticates its users.",
	Impact: "Any web site a logged-in user visits can call the API with the user's cookies " +
		"or tokens and read the answers: account data, CSRF-protected actions and tokens " +
		"leak to the attacker's page.",
	Fix: "List the origins that may call the API, and allow credentials only for them.",
	FixExample: `app.use(cors({
  origin: ['https://app.example.com', 'https://admin.example.com'],
  credentials: true,
}));`,
	Bad: "const express = require('express');\nconst cors = require('cors');\n" +
		"const app = express();\napp.use(cors({ origin: true, credentials: true }));\n",
	Good: "const express = require('express');\nconst cors = require('cors');\n" +
		"const app = express();\n" +
		"app.use(cors({ origin: ['https://app.example.com'], credentials: true }));\n",
}

var _ = addAppCheck([]*rule.Rule{corsRule}, func(c *appChecks, m *appmodel.Model) {
	for _, app := range m.Apps {
		c.checkCORS(app, appAuthenticates(m, app))
	}
})

// checkCORS reports a cors middleware that lets any origin in where that matters, and
// notes an allow-list as a good practice.
func (c *appChecks) checkCORS(app *appmodel.App, authenticated bool) {
	for _, mw := range app.Middleware {
		if !mw.Is(appmodel.CORS) || mw.Call == nil {
			continue
		}
		origin, credentials := corsOptions(mw.Call)
		switch {
		case credentials && reflectsAny(origin):
			c.report(corsRule, mw.Pos, "")
		case origin == nil || isWildcard(origin):
			if authenticated {
				fd := c.report(corsRule, mw.Pos, "CORS allows every origin on an "+
					"authenticated API")
				fd.Severity = rule.Medium
			}
		case isAllowList(origin):
			c.positive("CORS is restricted to an allow-list of origins", mw.Pos)
		}
	}
}

// corsOptions returns the origin option and whether credentials are allowed.
func corsOptions(call *model.Call) (origin model.Expr, credentials bool) {
	for _, p := range optionProps(call) {
		switch p.Key {
		case "origin":
			origin = p.Value
		case "credentials":
			v, _ := constValue(p.Value)
			credentials = v == "true"
		}
	}
	return origin, credentials
}

// reflectsAny reports origin: true, '*' and callbacks that answer true to every origin.
func reflectsAny(origin model.Expr) bool {
	if origin == nil {
		return false
	}
	if v, ok := constValue(origin); ok {
		return v == "true" || v == "*"
	}
	cl, ok := origin.(*model.Closure)
	return ok && acceptsEverything(cl.Func)
}

// acceptsEverything reports an origin callback that calls back with true and never with
// false or an error: callback(null, true) whatever the origin.
func acceptsEverything(fn *model.Func) bool {
	if len(fn.Params) < 2 {
		return false
	}
	cb := fn.Params[1].Name
	yes, no := false, false
	walkFuncs(fn.WithNested(), func(x model.Expr) bool {
		call, ok := x.(*model.Call)
		if ref, isRef := calleeRef(call); ok && isRef && ref == cb {
			last, _ := constValue(call.Args[len(call.Args)-1])
			yes = yes || last == "true"
			no = no || last != "true"
		}
		return true
	})
	return yes && !no
}

func calleeRef(call *model.Call) (string, bool) {
	if call == nil || len(call.Args) == 0 {
		return "", false
	}
	ref, ok := call.Callee.(*model.Ref)
	if !ok {
		return "", false
	}
	return ref.Name, true
}

func isWildcard(origin model.Expr) bool {
	v, ok := constValue(origin)
	return ok && v == "*"
}

// isAllowList reports an origin given as fixed strings or a list of them.
func isAllowList(origin model.Expr) bool {
	switch o := origin.(type) {
	case *model.Const:
		return o.Kind == model.String && o.Value != "*"
	case *model.Array:
		for _, e := range o.Elems {
			if _, ok := e.(*model.Const); !ok {
				return false
			}
		}
		return len(o.Elems) > 0
	}
	return false
}

// appAuthenticates reports whether any route of the app sits behind auth middleware or
// the app keeps sessions.
func appAuthenticates(m *appmodel.Model, app *appmodel.App) bool {
	for _, mw := range app.Middleware {
		if mw.Is(appmodel.Session) || mw.Is(appmodel.Auth) {
			return true
		}
	}
	for _, r := range m.Routes {
		if r.App == app && r.Has(appmodel.Auth) {
			return true
		}
	}
	return false
}
