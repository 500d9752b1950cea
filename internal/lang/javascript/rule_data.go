package javascript

import "github.com/rampart-sec/rampart/internal/rule"

var pathTraversalRule = &rule.Rule{
	ID:            "js.path-traversal",
	Title:         "Path traversal",
	Vulnerability: "Path Traversal",
	CWE:           []string{"CWE-22", "CWE-73"},
	OWASP:         []string{"A01:2021"},
	Severity:      rule.High,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "Request data reaches a file system path (fs functions, res.sendFile, " +
		"res.download) without being reduced to a file name or checked against a fixed " +
		"directory.",
	Impact: "Sequences such as ../ let a client read or overwrite any file the process " +
		"can reach: configuration with credentials, private keys, source code, or files " +
		"of other users.",
	Fix: "Reduce the name with path.basename, or resolve the full path and check that it " +
		"stays under the intended directory; for downloads pass a root to res.sendFile.",
	FixExample: `const UPLOADS = path.resolve('uploads');
app.get('/files/:name', (req, res) => {
  res.sendFile(path.basename(req.params.name), { root: UPLOADS });
});`,
	Bad: "const fs = require('fs');\n" +
		"app.get('/files', (req, res) => res.send(fs.readFileSync('uploads/' + req.query.name)));\n",
	Good: "const fs = require('fs');\nconst path = require('path');\n" +
		"app.get('/files', (req, res) => " +
		"res.send(fs.readFileSync('uploads/' + path.basename(req.query.name))));\n",
}

var nosqlInjectionRule = &rule.Rule{
	ID:            "js.nosql-injection",
	Title:         "NoSQL operator injection",
	Vulnerability: "NoSQL Injection",
	CWE:           []string{"CWE-943"},
	OWASP:         []string{"A03:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "Request data becomes part of a MongoDB or Mongoose query object (find, " +
		"findOne, update*, delete*, countDocuments, aggregate) without being cast to a " +
		"string or number.",
	Impact: "JSON bodies and query strings can carry objects: {\"$ne\": null} as a " +
		"password matches every user and bypasses the login, and $where or $regex " +
		"operators run attacker-chosen conditions on the database.",
	Fix: "Cast each value to the type the query expects (String(x), Number(x)) or " +
		"validate the body with a schema before querying, and reject objects where " +
		"strings are expected.",
	FixExample: `const user = await User.findOne({
  email: String(req.body.email),
});`,
	Bad: "app.post('/login', async (req, res) => " +
		"res.json(await User.findOne({ email: req.body.email, password: req.body.password })));\n",
	Good: "app.post('/login', async (req, res) => " +
		"res.json(await User.findOne({ email: String(req.body.email) })));\n",
}
