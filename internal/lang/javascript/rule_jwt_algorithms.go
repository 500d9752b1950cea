package javascript

import (
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/syntax"
)

var jwtAlgorithmsRule = &rule.Rule{
	ID:            "js.jwt-missing-algorithms",
	Title:         "JWT verified without pinning the algorithm",
	Vulnerability: "Improper Verification of Cryptographic Signature",
	CWE:           []string{"CWE-347", "CWE-327"},
	OWASP:         []string{"A07:2021", "A02:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "jsonwebtoken's verify is called without an algorithms option, or with " +
		"one that allows 'none', so the token's own header chooses how it is checked.",
	Impact: "The token header picks the algorithm. With older library versions or keys " +
		"that fit several algorithms, an attacker can forge tokens by switching to 'none' " +
		"or from RS256 to HS256 signed with the public key, and act as any user.",
	Fix: "Pass the one algorithm the service issues tokens with, and keep the library " +
		"current.",
	FixExample: `const claims = jwt.verify(token, process.env.JWT_PUBLIC_KEY, {
  algorithms: ['RS256'],
  issuer: 'https://auth.example.com',
});`,
	Bad: "const jwt = require('jsonwebtoken');\nconst claims = jwt.verify(token, key);\n",
	Good: "const jwt = require('jsonwebtoken');\n" +
		"const claims = jwt.verify(token, key, { algorithms: ['HS256'] });\n",
}

var jwtMissingAlgorithms = check{
	rule:  jwtAlgorithmsRule,
	kinds: []string{"call_expression"},
	match: matchJWTAlgorithms,
}

func matchJWTAlgorithms(f *file, n *syntax.Node) {
	if f.qualify(n.Child("function")) != "jsonwebtoken.verify" {
		return
	}
	a := args(n)
	if len(a) < 2 {
		return
	}
	var options *syntax.Node
	if len(a) >= 3 && !isFunction(a[2]) {
		options = unwrap(a[2])
		if isName(options) {
			options = unwrap(f.valueOf(options))
		}
		if options == nil || options.Kind != "object" {
			// Options built elsewhere: this file cannot tell, so stay silent.
			return
		}
	}

	algorithms := f.objectProperty(options, "algorithms")
	switch {
	case algorithms == nil:
		f.report(jwtAlgorithmsRule, n)
	case f.allowsNone(algorithms):
		fd := f.report(jwtAlgorithmsRule, n)
		fd.Title = "JWT verification accepts the 'none' algorithm"
		fd.Severity = rule.Critical
	default:
		f.positive("JWT verification pins the accepted algorithms", n)
	}
}

// allowsNone reports whether an algorithms list names 'none'.
func (f *file) allowsNone(list *syntax.Node) bool {
	list = unwrap(list)
	if list == nil || list.Kind != "array" {
		return false
	}
	for _, c := range list.Children {
		if s, ok := f.stringValue(c); ok && (s == "none" || s == "None" || s == "NONE") {
			return true
		}
	}
	return false
}
