package javascript

import (
	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/rule"
)

// The good practices only the application model shows, and that no rule of its own
// reports the absence of.
var _ = addAppCheck(nil, func(c *appChecks, m *appmodel.Model) {
	validated := make(map[string]bool)
	for _, r := range m.Routes {
		for _, mw := range r.Chain {
			if mw.Is(appmodel.Validation) && !validated[r.Pos.File] {
				validated[r.Pos.File] = true
				c.positive("Request input is validated by middleware ("+mw.Name+")", mw.Pos)
			}
		}
	}
})

var limiterHeadersRule = &rule.Rule{
	ID:            "js.rate-limit-headers-off",
	Title:         "Rate limiter without the standard rate-limit headers",
	Vulnerability: "Security Misconfiguration",
	CWE:           []string{"CWE-770"},
	OWASP:         []string{"A05:2021"},
	Severity:      rule.Low,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "express-rate-limit is configured with standardHeaders: false, so " +
		"clients get no RateLimit headers telling them their quota.",
	Impact: "Well-behaved clients cannot slow down before they are refused, and retry " +
		"storms follow the 429 answers; the checklist asks for informative headers.",
	Fix: "Turn the standard headers on (draft-7 or draft-8) and the legacy ones off.",
	FixExample: `app.use(rateLimit({
  windowMs: 60_000,
  limit: 100,
  standardHeaders: 'draft-7',
  legacyHeaders: false,
}));`,
	Bad: "const express = require('express');\nconst rateLimit = require('express-rate-limit');\n" +
		"const app = express();\napp.use(rateLimit({ limit: 100, standardHeaders: false }));\n",
	Good: "const express = require('express');\nconst rateLimit = require('express-rate-limit');\n" +
		"const app = express();\napp.use(rateLimit({ limit: 100, standardHeaders: 'draft-7' }));\n",
}

var _ = addAppCheck([]*rule.Rule{limiterHeadersRule}, func(c *appChecks, m *appmodel.Model) {
	seen := make(map[*appmodel.Middleware]bool)
	check := func(mw *appmodel.Middleware) {
		if !mw.Is(appmodel.Limiter) || mw.Call == nil || seen[mw] {
			return
		}
		seen[mw] = true
		for _, p := range optionProps(mw.Call) {
			if v, ok := constValue(p.Value); ok && p.Key == "standardHeaders" && v == "false" {
				c.report(limiterHeadersRule, p.Value.At(), "")
			}
		}
	}
	for _, app := range m.Apps {
		for _, mw := range app.Middleware {
			check(mw)
		}
	}
	for _, r := range m.Routes {
		for _, mw := range r.Chain {
			check(mw)
		}
	}
})
