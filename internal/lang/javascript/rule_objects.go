package javascript

import "github.com/rampart-sec/rampart/internal/rule"

var prototypePollutionRule = &rule.Rule{
	ID:            "js.prototype-pollution",
	Title:         "Prototype pollution",
	Vulnerability: "Prototype Pollution",
	CWE:           []string{"CWE-1321"},
	OWASP:         []string{"A03:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "Request data is deep-merged or written by path into an object (lodash " +
		"merge, mergeWith, defaultsDeep, set, setWith, zipObjectDeep, deepmerge, dot-prop, " +
		"object-path).",
	Impact: "Keys such as __proto__ or constructor.prototype add properties to every " +
		"object of the process: flags like isAdmin appear on all users, and gadgets in " +
		"templates or child_process options turn it into code execution.",
	Fix: "Copy only the fields you expect into a fresh object, or merge into " +
		"Object.create(null) after rejecting __proto__, constructor and prototype keys.",
	FixExample: `const { theme, language } = req.body;
const settings = { ...defaults, theme: String(theme), language: String(language) };`,
	Bad: "const _ = require('lodash');\n" +
		"app.post('/settings', (req, res) => res.json(_.merge({}, defaults, req.body)));\n",
	Good: "const _ = require('lodash');\n" +
		"app.post('/settings', (req, res) => " +
		"res.json(_.merge({}, defaults, { theme: String(req.body.theme) })));\n",
}

var massAssignmentRule = &rule.Rule{
	ID:            "js.mass-assignment",
	Title:         "Mass assignment of the request body",
	Vulnerability: "Mass Assignment",
	CWE:           []string{"CWE-915"},
	OWASP:         []string{"A01:2021", "A08:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "The whole request body is passed to a model's create, update, build or " +
		"insert, or copied into an entity with Object.assign, instead of chosen fields.",
	Impact: "A client adds fields the form never had, such as role, isAdmin, balance or " +
		"ownerId, and the database stores them: privilege escalation or changes to other " +
		"users' records.",
	Fix: "Pick the fields a client may set, or validate the body with a schema that strips " +
		"unknown keys, and set sensitive fields on the server.",
	FixExample: `const { name, email } = req.body;
const user = await User.create({ name, email, role: 'user' });`,
	Bad: "app.post('/users', async (req, res) => res.json(await User.create(req.body)));\n",
	Good: "app.post('/users', async (req, res) =>\n" +
		"  res.json(await User.create({ name: req.body.name })));\n",
}

var deserializationRule = &rule.Rule{
	ID:            "js.unsafe-deserialization",
	Title:         "Unsafe deserialization of request data",
	Vulnerability: "Deserialization of Untrusted Data",
	CWE:           []string{"CWE-502"},
	OWASP:         []string{"A08:2021"},
	Severity:      rule.High,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "Request data is deserialized by a library that can rebuild functions or " +
		"run code: node-serialize's unserialize, js-yaml's unsafe loaders, funcster, cryo.",
	Impact: "A crafted payload carries a function that runs as it is rebuilt, giving " +
		"remote code execution on the server.",
	Fix: "Exchange plain data: JSON.parse, or js-yaml's load with the default safe " +
		"schema, then validate the result against a schema.",
	FixExample: `const data = JSON.parse(req.body.payload);
const settings = settingsSchema.parse(data);`,
	Bad: "const serialize = require('node-serialize');\n" +
		"app.post('/restore', (req, res) => res.json(serialize.unserialize(req.body.state)));\n",
	Good: "app.post('/restore', (req, res) => res.json(JSON.parse(req.body.state)));\n",
}

var xxeRule = &rule.Rule{
	ID:            "js.xxe",
	Title:         "XML external entity expansion",
	Vulnerability: "XML External Entity (XXE)",
	CWE:           []string{"CWE-611"},
	OWASP:         []string{"A05:2021"},
	Severity:      rule.High,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "Request data is parsed as XML with entity expansion turned on " +
		"(libxmljs parseXml with noent: true).",
	Impact: "A document that declares external entities makes the parser read local " +
		"files (/etc/passwd, keys) or internal URLs into the result, and entity " +
		"expansion bombs exhaust memory.",
	Fix: "Parse with entity expansion off (the default of libxmljs), or use a parser " +
		"that does not resolve external entities.",
	FixExample: `const doc = libxmljs.parseXml(req.body.xml, { noent: false, nonet: true });`,
	Bad: "const libxmljs = require('libxmljs');\n" +
		"app.post('/import', (req, res) => " +
		"res.json(libxmljs.parseXml(req.body.xml, { noent: true }).toString()));\n",
	Good: "const libxmljs = require('libxmljs');\n" +
		"app.post('/import', (req, res) => " +
		"res.json(libxmljs.parseXml(req.body.xml, { noent: false }).toString()));\n",
}
