package javascript

import (
	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var missingHeadersRule = &rule.Rule{
	ID:            "js.missing-security-headers",
	Title:         "No security headers",
	Vulnerability: "Security Misconfiguration: Missing Security Headers",
	CWE:           []string{"CWE-693", "CWE-1021"},
	OWASP:         []string{"A05:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "An application registers neither helmet nor a middleware that sets the " +
		"security headers itself (Content-Security-Policy, Strict-Transport-Security, " +
		"X-Frame-Options, X-Content-Type-Options).",
	Impact: "Browsers get no instructions to refuse framing, MIME sniffing or plain HTTP: " +
		"pages can be clickjacked inside another site, uploaded files run as scripts, and " +
		"an injected script meets no Content-Security-Policy.",
	Fix: "Register helmet before the routes, and tune its policies rather than turning " +
		"them off.",
	FixExample: `const helmet = require('helmet');
const app = express();
app.use(helmet());`,
	Bad: "const app = require('express')();\napp.get('/', (req, res) => res.send('ok'));\n",
	Good: "const app = require('express')();\nconst helmet = require('helmet');\n" +
		"app.use(helmet());\napp.get('/', (req, res) => res.send('ok'));\n",
}

var helmetDisabledRule = &rule.Rule{
	ID:            "js.helmet-protection-disabled",
	Title:         "Helmet protection turned off",
	Vulnerability: "Security Misconfiguration: Disabled Security Header",
	CWE:           []string{"CWE-693"},
	OWASP:         []string{"A05:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "helmet is configured with one of its protections set to false " +
		"(contentSecurityPolicy, frameguard, hsts, noSniff and the others).",
	Impact: "The protection the option names is gone: no CSP against injected scripts, " +
		"no frame blocking against clickjacking, or no HSTS against downgrade to HTTP.",
	Fix: "Keep the protection and configure it: give contentSecurityPolicy the " +
		"directives the pages need instead of turning it off.",
	FixExample: `app.use(helmet({
  contentSecurityPolicy: {
    directives: { 'script-src': ["'self'", 'https://cdn.example.com'] },
  },
}));`,
	Bad: "const app = require('express')();\nconst helmet = require('helmet');\n" +
		"app.use(helmet({ contentSecurityPolicy: false }));\n",
	Good: "const app = require('express')();\nconst helmet = require('helmet');\n" +
		"app.use(helmet());\n",
}

var poweredByRule = &rule.Rule{
	ID:            "js.x-powered-by",
	Title:         "X-Powered-By header left on",
	Vulnerability: "Information Exposure Through Server Headers",
	CWE:           []string{"CWE-200"},
	OWASP:         []string{"A05:2021"},
	Severity:      rule.Low,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "An Express application neither uses helmet nor disables the " +
		"X-Powered-By header.",
	Impact: "Every response announces Express, which tells attackers which exploits and " +
		"default paths to try first.",
	Fix: "Use helmet, or call app.disable('x-powered-by') after creating the app.",
	FixExample: `const app = express();
app.disable('x-powered-by');`,
	Bad: "const app = require('express')();\napp.get('/', (req, res) => res.send('ok'));\n",
	Good: "const express = require('express');\nconst app = express();\n" +
		"app.disable('x-powered-by');\n",
}

// nestApp is the kind of a NestJS application, which runs on Express by default.
const nestApp = "@nestjs/core.NestFactory.create"

// helmetProtections are the helmet options whose false value removes a protection.
var helmetProtections = map[string]bool{
	"contentSecurityPolicy": true, "crossOriginEmbedderPolicy": true,
	"crossOriginOpenerPolicy": true, "crossOriginResourcePolicy": true,
	"dnsPrefetchControl": true, "frameguard": true, "hidePoweredBy": true, "hsts": true,
	"ieNoOpen": true, "noSniff": true, "originAgentCluster": true,
	"permittedCrossDomainPolicies": true, "referrerPolicy": true, "xssFilter": true,
	"strictTransportSecurity": true, "xFrameOptions": true, "xContentTypeOptions": true,
}

var _ = addAppCheck(
	[]*rule.Rule{missingHeadersRule, helmetDisabledRule, poweredByRule},
	func(c *appChecks, m *appmodel.Model) {
		for _, app := range m.Apps {
			c.checkHeaders(app)
		}
	},
)

// checkHeaders reports apps without security headers and helmet options that turn a
// protection off, and notes helmet as a good practice.
func (c *appChecks) checkHeaders(app *appmodel.App) {
	var headers *appmodel.Middleware
	for _, m := range app.Middleware {
		if m.Is(appmodel.Headers) {
			headers = m
			break
		}
	}
	if headers == nil {
		c.report(missingHeadersRule, app.Pos, "")
		if (app.Kind == "express" || app.Kind == nestApp) && !disablesPoweredBy(app) {
			c.report(poweredByRule, app.Pos, "")
		}
		return
	}
	disabled := false
	for _, p := range optionProps(headers.Call) {
		if k, ok := p.Value.(*model.Const); ok && helmetProtections[p.Key] && k.Value == "false" {
			c.report(helmetDisabledRule, k.Pos, "Helmet's "+p.Key+" protection turned off")
			disabled = true
		}
	}
	if !disabled && headers.Call != nil {
		c.positive("Security headers set with helmet", headers.Pos)
	}
}

// disablesPoweredBy reports app.disable('x-powered-by') and app.set('x-powered-by', false).
func disablesPoweredBy(app *appmodel.App) bool {
	for _, call := range app.Calls {
		member, _ := call.Callee.(*model.Member)
		if member == nil || len(call.Args) == 0 {
			continue
		}
		k, ok := call.Args[0].(*model.Const)
		if ok && k.Value == "x-powered-by" && (member.Prop == "disable" || member.Prop == "set") {
			return true
		}
	}
	return false
}

// optionProps returns the properties of a call's first object argument.
func optionProps(call *model.Call) []model.Prop {
	if call == nil || len(call.Args) == 0 {
		return nil
	}
	if obj, ok := call.Args[0].(*model.Object); ok {
		return obj.Props
	}
	return nil
}
