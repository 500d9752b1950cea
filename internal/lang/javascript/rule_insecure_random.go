package javascript

import (
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/syntax"
)

var insecureRandomRule = &rule.Rule{
	ID:            "js.insecure-randomness",
	Title:         "Predictable random value used as a secret",
	Vulnerability: "Use of Cryptographically Weak Pseudo-Random Number Generator",
	CWE:           []string{"CWE-338", "CWE-330"},
	OWASP:         []string{"A02:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "Math.random() produces a token, password, reset or verification code, " +
		"session or record identifier.",
	Impact: "Math.random is not a cryptographic generator: its state can be recovered " +
		"from a few outputs, after which an attacker predicts the next reset tokens, " +
		"one-time codes or identifiers and takes over accounts or reaches other records.",
	Fix: "Use the crypto module: randomBytes for tokens, randomInt for numeric codes and " +
		"randomUUID for identifiers.",
	FixExample: `const crypto = require('crypto');
const resetToken = crypto.randomBytes(32).toString('hex');
const otp = crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');`,
	Bad:  "const resetToken = Math.random().toString(36).slice(2);\n",
	Good: "const resetToken = crypto.randomBytes(32).toString('hex');\n",
}

var insecureRandomness = check{
	rule:  insecureRandomRule,
	kinds: []string{"call_expression"},
	match: matchInsecureRandom,
}

// secretWords mark a value that must be unguessable.
var secretWords = map[string]bool{
	"token": true, "secret": true, "password": true, "passwd": true, "pwd": true,
	"otp": true, "nonce": true, "salt": true, "csrf": true, "xsrf": true, "session": true,
	"sid": true, "reset": true, "verification": true, "invite": true,
	"apikey": true, "secretkey": true, "privatekey": true, "accesskey": true, "code": true,
	"pin": true, "passcode": true, "credential": true, "credentials": true,
}

// idWords mark an identifier, which is guessable but usually less sensitive.
var idWords = map[string]bool{"id": true, "uuid": true, "guid": true, "identifier": true}

// secureRandom are the crypto module's generators, noted as a good practice.
var secureRandom = map[string]bool{
	"crypto.randomBytes": true, "crypto.randomUUID": true, "crypto.randomInt": true,
	"crypto.getRandomValues": true, "crypto.webcrypto.getRandomValues": true,
}

func matchInsecureRandom(f *file, n *syntax.Node) {
	callee := f.qualify(n.Child("function"))
	if secureRandom[callee] {
		f.positive("Random tokens come from the crypto module's secure generator", n)
		return
	}
	if callee != "Math.random" {
		return
	}
	names := f.purposeNames(n)
	for _, name := range names {
		if hasWord(name, secretWords) {
			fd := f.report(insecureRandomRule, n)
			fd.Title = "Predictable random value used for " + name
			return
		}
	}
	for _, name := range names {
		if hasWord(name, idWords) {
			fd := f.report(insecureRandomRule, n)
			fd.Title = "Predictable random value used for " + name
			fd.Severity = rule.Medium
			fd.Confidence = rule.LowConfidence
			return
		}
	}
}

// accumulators are names too generic to say what a value is for; the enclosing function's
// name says it instead (`result += chars[...]` inside generateResetCode).
var accumulators = map[string]bool{
	"result": true, "res": true, "out": true, "output": true, "str": true, "s": true,
	"value": true, "val": true, "ret": true, "r": true, "text": true, "buf": true,
}

// purposeNames returns the names that say what a random value is for: the variable,
// property or key it ends up in, or, when it is returned or stored under a generic name,
// the enclosing function's name.
func (f *file) purposeNames(n *syntax.Node) []string {
	target := ""
	for p := n.Parent; p != nil && !isFunction(p); p = p.Parent {
		if target = f.targetName(p); target != "" || isStatement(p) {
			break
		}
	}
	if target != "" && !accumulators[target] {
		return []string{target}
	}
	if fn := enclosingFunction(n); fn != nil {
		if name := f.functionName(fn); name != "" {
			return []string{name}
		}
	}
	return nil
}

// targetName returns the name a value is stored under, for nodes that store one.
func (f *file) targetName(n *syntax.Node) string {
	switch n.Kind {
	case "variable_declarator":
		return f.text(n.Child("name"))
	case "assignment_expression", "augmented_assignment_expression":
		return f.propertyName(n.Child("left"))
	case "pair":
		return f.keyName(n.Child("key"))
	}
	return ""
}

func isStatement(n *syntax.Node) bool {
	switch n.Kind {
	case "expression_statement", "lexical_declaration", "variable_declaration",
		"return_statement", "if_statement", "for_statement", "while_statement",
		"statement_block":
		return true
	}
	return false
}
