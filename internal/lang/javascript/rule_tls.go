package javascript

import (
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/syntax"
)

var tlsRule = &rule.Rule{
	ID:            "js.tls-verification-disabled",
	Title:         "TLS certificate verification disabled",
	Vulnerability: "Improper Certificate Validation",
	CWE:           []string{"CWE-295"},
	OWASP:         []string{"A07:2021", "A02:2021"},
	Severity:      rule.High,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "An HTTPS, TLS or database client is configured with " +
		"rejectUnauthorized: false, or NODE_TLS_REJECT_UNAUTHORIZED is set to 0 for the " +
		"whole process.",
	Impact: "The client accepts any certificate, so anyone on the network path (a " +
		"compromised router, a shared cloud network, a hostile Wi-Fi) can impersonate " +
		"the server, read the credentials and data sent to it and change the responses.",
	Fix: "Keep verification on. For a private or self-signed certificate authority, pass " +
		"its certificate as ca instead of turning checks off.",
	FixExample: `const agent = new https.Agent({
  ca: fs.readFileSync(process.env.INTERNAL_CA_PATH),
});
const res = await fetch(url, { agent });`,
	Bad:  "const agent = new https.Agent({ rejectUnauthorized: false });\n",
	Good: "const agent = new https.Agent({ ca: fs.readFileSync(caPath) });\n",
}

var tlsVerificationDisabled = check{
	rule:  tlsRule,
	kinds: []string{"pair", "assignment_expression"},
	match: matchTLSDisabled,
}

func matchTLSDisabled(f *file, n *syntax.Node) {
	switch n.Kind {
	case "pair":
		value := unwrap(n.Child("value"))
		if f.keyName(n.Child("key")) == "rejectUnauthorized" && value != nil &&
			(value.Kind == "false" || f.text(value) == "0") {
			f.report(tlsRule, n)
		}
	case "assignment_expression":
		if !f.isTLSEnvVar(unwrap(n.Child("left"))) {
			return
		}
		right := unwrap(n.Child("right"))
		if s, ok := f.stringValue(right); (ok && s == "0") || f.text(right) == "0" {
			fd := f.report(tlsRule, n)
			fd.Title = "TLS certificate verification disabled for the whole process"
		}
	}
}

// isTLSEnvVar reports process.env.NODE_TLS_REJECT_UNAUTHORIZED in either member form.
func (f *file) isTLSEnvVar(n *syntax.Node) bool {
	if n == nil {
		return false
	}
	const name = "NODE_TLS_REJECT_UNAUTHORIZED"
	if n.Kind == "subscript_expression" {
		s, ok := f.stringValue(n.Child("index"))
		return ok && s == name && isEnvObject(f, unwrap(n.Child("object")))
	}
	path := f.memberPath(n)
	return len(path) == 3 && path[0] == "process" && path[1] == "env" && path[2] == name
}

func isEnvObject(f *file, n *syntax.Node) bool {
	path := f.memberPath(n)
	return len(path) == 2 && path[0] == "process" && path[1] == "env"
}
