package javascript

import "github.com/rampart-sec/rampart/internal/rule"

var logInjectionRule = &rule.Rule{
	ID:            "js.log-injection",
	Title:         "Log injection",
	Vulnerability: "Improper Output Neutralization for Logs",
	CWE:           []string{"CWE-117"},
	OWASP:         []string{"A09:2021"},
	Severity:      rule.Low,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "Request text is written into a log message (console, winston, pino, " +
		"bunyan) without removing line breaks.",
	Impact: "Line breaks in the value forge log entries, such as a fake successful login " +
		"or an admin action, which misleads investigations and log-based alerting.",
	Fix:        "Log request data as a structured field, or strip CR and LF before logging.",
	FixExample: `logger.info({ user: req.body.username }, 'login attempt');`,
	Bad: "app.post('/login', (req, res) => {\n" +
		"  console.log('login ' + req.body.username);\n});\n",
	Good: "app.post('/login', (req, res) => {\n" +
		"  console.log('login', JSON.stringify(req.body.username));\n});\n",
}

var redosRule = &rule.Rule{
	ID:            "js.regex-injection",
	Title:         "Regular expression built from request data",
	Vulnerability: "Regular Expression Denial of Service (ReDoS)",
	CWE:           []string{"CWE-1333", "CWE-730"},
	OWASP:         []string{"A03:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description:   "Request data becomes the pattern of new RegExp without being escaped.",
	Impact: "A pattern with nested quantifiers, such as (a+)+$, takes exponential time to " +
		"match and blocks Node's single thread, so one request stalls the whole service.",
	Fix: "Escape the text (escape-string-regexp, lodash escapeRegExp) or match with " +
		"string functions such as includes.",
	FixExample: `const escapeRegExp = require('lodash/escapeRegExp');
const re = new RegExp(escapeRegExp(req.query.q), 'i');`,
	Bad: "app.get('/search', (req, res) =>\n" +
		"  res.json(items.filter((i) => new RegExp(req.query.q).test(i))));\n",
	Good: "app.get('/search', (req, res) =>\n" +
		"  res.json(items.filter((i) => i.includes(req.query.q))));\n",
}

var templateInjectionRule = &rule.Rule{
	ID:            "js.template-injection",
	Title:         "Server-side template injection",
	Vulnerability: "Server-Side Template Injection",
	CWE:           []string{"CWE-1336", "CWE-94"},
	OWASP:         []string{"A03:2021"},
	Severity:      rule.High,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "Request data is compiled or rendered as a template (ejs, pug, " +
		"handlebars, nunjucks, lodash template) rather than passed to one as data.",
	Impact: "Template syntax in the value runs on the server: it reads variables and " +
		"files and, with most engines, executes arbitrary JavaScript.",
	Fix: "Keep templates in files of the project and pass request data only in the " +
		"data object, where the engine escapes it.",
	FixExample: `app.get('/greet', (req, res) => {
  res.render('greet', { name: req.query.name });
});`,
	Bad: "const ejs = require('ejs');\n" +
		"app.get('/greet', (req, res) => res.send(ejs.render(req.query.template, {})));\n",
	Good: "const ejs = require('ejs');\n" +
		"app.get('/greet', (req, res) => " +
		"res.send(ejs.render('<p><%= name %></p>', { name: req.query.name })));\n",
}
