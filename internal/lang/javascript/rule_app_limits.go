package javascript

import (
	"regexp"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/rule"
)

var authRateLimitRule = &rule.Rule{
	ID:            "js.auth-route-without-rate-limit",
	Title:         "No rate limit on an authentication route",
	Vulnerability: "Improper Restriction of Excessive Authentication Attempts",
	CWE:           []string{"CWE-307", "CWE-770"},
	OWASP:         []string{"A07:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A login, registration, password reset, token or one-time-code route has " +
		"no rate-limiting middleware before its handler.",
	Impact: "Attackers can try passwords and one-time codes as fast as the server answers: " +
		"credential stuffing and brute force against accounts, mass sign-ups and reset " +
		"mail bombing.",
	Fix: "Put a limiter (express-rate-limit, rate-limiter-flexible) on these routes, keyed " +
		"by IP and by account, with a low limit.",
	FixExample: `const rateLimit = require('express-rate-limit');
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 10, standardHeaders: 'draft-7' });
router.post('/login', loginLimiter, login);`,
	Bad: "const express = require('express');\nconst app = express();\n" +
		"app.post('/login', (req, res) => res.end());\n",
	Good: "const express = require('express');\nconst rateLimit = require('express-rate-limit');\n" +
		"const app = express();\n" +
		"app.post('/login', rateLimit({ limit: 10 }), (req, res) => res.end());\n",
}

var noRateLimitRule = &rule.Rule{
	ID:            "js.no-rate-limit",
	Title:         "No rate limiting anywhere in the API",
	Vulnerability: "Allocation of Resources Without Limits",
	CWE:           []string{"CWE-770"},
	OWASP:         []string{"A04:2021"},
	Severity:      rule.Low,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description:   "An application with routes registers no rate-limiting middleware at all.",
	Impact: "One client can send unlimited requests: scraping, enumeration of ids and " +
		"expensive endpoints that take the service down.",
	Fix: "Add a global limiter, and stricter ones on expensive and authentication routes " +
		"(unless a gateway in front of the service limits requests; say so in a " +
		"suppression).",
	FixExample: `app.use(rateLimit({ windowMs: 60 * 1000, limit: 300, standardHeaders: 'draft-7' }));`,
	Bad: "const express = require('express');\nconst app = express();\n" +
		"app.get('/items', (req, res) => res.json([]));\n",
	Good: "const express = require('express');\nconst rateLimit = require('express-rate-limit');\n" +
		"const app = express();\napp.use(rateLimit({ limit: 300 }));\n" +
		"app.get('/items', (req, res) => res.json([]));\n",
}

// authPaths are route path segments of authentication and account recovery.
var authPaths = regexp.MustCompile(`^(login|signin|sign-in|log-in|register|signup|sign-up|` +
	`password|passwords|password-reset|reset-password|forgot|forgot-password|reset|otp|mfa|` +
	`2fa|verify|verify-otp|token|tokens|session|sessions)$`)

var _ = addAppCheck([]*rule.Rule{authRateLimitRule, noRateLimitRule},
	func(c *appChecks, m *appmodel.Model) {
		for _, r := range m.Routes {
			c.checkAuthRateLimit(r)
		}
		for _, app := range m.Apps {
			c.checkAnyRateLimit(m, app)
		}
	})

// checkAuthRateLimit reports an authentication route without a limiter, and notes one
// with a limiter as a good practice.
func (c *appChecks) checkAuthRateLimit(r *appmodel.Route) {
	if r.Method == "GET" || !pathMatches(lastSegments(r.Path, 2), authPaths) {
		return
	}
	if r.Has(appmodel.Limiter) {
		c.positive("Rate limit on "+r.Method+" "+r.Path, r.Pos)
		return
	}
	c.report(authRateLimitRule, r.Pos, "No rate limit on "+r.Method+" "+r.Path)
}

// checkAnyRateLimit reports an app with routes and not one limiter.
func (c *appChecks) checkAnyRateLimit(m *appmodel.Model, app *appmodel.App) {
	routes := 0
	for _, r := range m.Routes {
		if r.App != app {
			continue
		}
		if r.Has(appmodel.Limiter) {
			return
		}
		routes++
	}
	if routes > 0 {
		c.report(noRateLimitRule, app.Pos, "")
	}
}
