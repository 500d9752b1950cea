package javascript

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// HardcodedSecretID is the id of the rule that reports credentials written in code,
// which other analyses of credentials defer to.
const HardcodedSecretID = "js.hardcoded-secret"

var hardcodedSecretRule = &rule.Rule{
	ID:            HardcodedSecretID,
	Title:         "Hardcoded key or password",
	Vulnerability: "Use of Hard-coded Credentials",
	CWE:           []string{"CWE-798", "CWE-321"},
	OWASP:         []string{"A07:2021", "A02:2021"},
	Severity:      rule.Critical,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A string literal is used as the key that signs or verifies JWTs " +
		"(jsonwebtoken sign/verify), signs session cookies (express-session, " +
		"cookie-session, cookie-parser), keys an HMAC or a cipher (crypto createHmac, " +
		"createCipheriv), or as a database client's password (pg, mysql, mysql2), " +
		"directly, through a constant, or as the fallback of an environment variable; " +
		"or a literal that looks like a credential written under a credential's name " +
		"(dbPassword, API_KEY, stripeSecret, githubToken).",
	Impact: "Anyone who can read the source, a build artefact or the repository history " +
		"has the key: they can mint tokens or session cookies for any user, administrators " +
		"included, and the key cannot be rotated without a release.",
	Fix: "Read the secret from the environment or a secret manager at start-up, fail " +
		"fast when it is missing, and rotate the key that was committed.",
	FixExample: `const secret = process.env.JWT_SECRET;
if (!secret) throw new Error('JWT_SECRET is not set');
const token = jwt.sign({ sub: user.id }, secret, { algorithm: 'HS256', expiresIn: '15m' });`,
	Bad: "const jwt = require('jsonwebtoken');\n" +
		"const token = jwt.sign({ sub: id }, 'supersecret');\n",
	Good: "const jwt = require('jsonwebtoken');\n" +
		"const token = jwt.sign({ sub: id }, process.env.JWT_SECRET);\n",
}

var hardcodedSecret = check{
	rule: hardcodedSecretRule,
	kinds: []string{"call_expression", "new_expression", "variable_declarator",
		"assignment_expression", "pair", "public_field_definition", "field_definition"},
	match: matchHardcodedSecret,
}

// secretArguments says where each secret-taking API expects its key: an argument index,
// or an option name in the first argument.
var secretArguments = map[string]struct {
	index  int
	option string
	what   string
}{
	"jsonwebtoken.sign":               {index: 1, what: "JWT signing key"},
	"jsonwebtoken.verify":             {index: 1, what: "JWT verification key"},
	"express-session":                 {option: "secret", what: "session secret"},
	"cookie-session":                  {option: "secret", what: "session secret"},
	"cookie-parser":                   {index: 0, what: "cookie signing secret"},
	"crypto.createHmac":               {index: 1, what: "HMAC key"},
	"crypto.createCipheriv":           {index: 1, what: "encryption key"},
	"crypto.createDecipheriv":         {index: 1, what: "encryption key"},
	"pg.Pool":                         {option: "password", what: "database password"},
	"pg.Client":                       {option: "password", what: "database password"},
	"mysql.createConnection":          {option: "password", what: "database password"},
	"mysql.createPool":                {option: "password", what: "database password"},
	"mysql2.createConnection":         {option: "password", what: "database password"},
	"mysql2.createPool":               {option: "password", what: "database password"},
	"mysql2/promise.createConnection": {option: "password", what: "database password"},
	"mysql2/promise.createPool":       {option: "password", what: "database password"},
}

func matchHardcodedSecret(f *file, n *syntax.Node) {
	if n.Kind != "call_expression" && n.Kind != "new_expression" {
		f.noteNamedSecret(n)
		return
	}
	f.noteSecretManager(n)
	callee := n.Child("function")
	if n.Kind == "new_expression" {
		callee = n.Child("constructor")
	}
	if callee == nil {
		return
	}
	spec, ok := secretArguments[f.qualify(callee)]
	if !ok {
		return
	}
	a := args(n)
	var key *syntax.Node
	switch {
	case spec.option != "" && len(a) > 0:
		key = f.objectProperty(a[0], spec.option)
	case spec.option == "" && len(a) > spec.index:
		key = a[spec.index]
	}
	if key == nil {
		return
	}
	// An option is reported at its own line, `secret: '...'`, which may not be the call's.
	at := n
	if key.Parent != nil && key.Parent.Kind == "pair" {
		at = key.Parent
	}
	f.judgeSecret(n, at, key, spec.what)
}

// judgeSecret reports a literal key at node at, lowers the finding for a literal fallback
// after an environment variable, and notes a key read from the environment as a good
// practice.
func (f *file) judgeSecret(call, at, key *syntax.Node, what string) {
	value, via := f.secretValue(key)
	switch {
	case value == nil:
		return
	case isEnvRead(f, value):
		f.positive("The "+what+" is read from the environment", call)
	case isLiteral(value):
		fd := f.report(hardcodedSecretRule, at)
		fd.Title = "Hardcoded " + what
		f.traceSecret(fd, call, at, via, value)
	case isFallback(f, value):
		fd := f.report(hardcodedSecretRule, at)
		fd.Title = "Hardcoded fallback for the " + what
		fd.Severity = rule.High
		fd.Confidence = rule.MediumConfidence
		fd.Impact = "When the environment variable is unset (a new deployment, a typo in " +
			"its name) the service silently signs with a key that is in the source, so " +
			"anyone who has read the code can forge credentials for any user."
		f.traceSecret(fd, call, at, via, value)
	}
}

// secretValue follows a key through variables to the expression that produces it, and
// returns the declaration it passed through, if any.
func (f *file) secretValue(key *syntax.Node) (value, via *syntax.Node) {
	value = unwrap(key)
	for depth := 0; isName(value) && depth < maxResolveDepth; depth++ {
		d := f.declarator(value)
		if d == nil {
			return nil, nil
		}
		via, value = d, unwrap(d.Child("value"))
	}
	return value, via
}

// traceSecret redacts the literal in the finding's snippet and, when the key came through
// a variable, shows where it was written.
func (f *file) traceSecret(fd *finding.Finding, call, at, via, value *syntax.Node) {
	literal := value
	if value.Kind == "binary_expression" {
		literal = unwrap(value.Child("right"))
	}
	hidden := redact(f.text(literal))
	fd.Snippet = clip(strings.ReplaceAll(f.text(at), f.text(literal), hidden))
	if via == nil {
		return
	}
	fd.Trace = []finding.Step{
		f.step(literal, hidden),
		f.step(call, f.calleeText(call)+"(...)"),
	}
}

// isLiteral reports whether n is a string literal or a template without substitutions.
func isLiteral(n *syntax.Node) bool {
	return n.Kind == "string" || n.Kind == "template_string" &&
		!n.HasChild("template_substitution")
}

// isFallback reports `process.env.X || 'literal'` and its ?? form.
func isFallback(f *file, n *syntax.Node) bool {
	if n.Kind != "binary_expression" {
		return false
	}
	op := f.text(n.Child("operator"))
	right := unwrap(n.Child("right"))
	return (op == "||" || op == "??") && right != nil && isLiteral(right)
}

// isEnvRead reports process.env.X and process.env['X'].
func isEnvRead(f *file, n *syntax.Node) bool {
	if n.Kind == "subscript_expression" {
		return isEnvObject(f, unwrap(n.Child("object")))
	}
	path := f.memberPath(n)
	return len(path) == 3 && path[0] == "process" && path[1] == "env"
}

// redact shows a quoted secret literal in the redacted form of every secret rampart
// shows.
func redact(literal string) string {
	s := literal
	if len(s) >= 2 {
		s = s[1 : len(s)-1]
	}
	return finding.Redact(s)
}
