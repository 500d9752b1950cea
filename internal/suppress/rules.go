package suppress

import "github.com/rampart-sec/rampart/internal/rule"

// allLanguages are the languages suppression comments work in.
var allLanguages = []string{"javascript", "typescript"}

// NoReasonRule reports a suppression that gives no reason, which therefore silences
// nothing.
var NoReasonRule = &rule.Rule{
	ID:            "rampart.suppression-without-reason",
	Title:         "Suppression without a reason",
	Vulnerability: "Undocumented Exception to a Security Check",
	CWE:           []string{"CWE-1164"},
	OWASP:         []string{"A05:2021"},
	Severity:      rule.Low,
	Confidence:    rule.HighConfidence,
	Languages:     allLanguages,
	Description:   "A rampart:ignore comment names rules but gives no reason after --.",
	Impact: "Nobody reviewing the code later can tell why the check was silenced, or " +
		"whether the reason still holds; rampart keeps reporting the finding.",
	Fix:        "Say why the finding does not apply, after two dashes.",
	FixExample: `// rampart:ignore js.no-rate-limit -- the API gateway limits every route`,
	Bad:        "// rampart:ignore js.no-rate-limit\n",
	Good:       "// rampart:ignore js.no-rate-limit -- the gateway limits requests\n",
}

// UnusedRule reports a suppression that silences no finding.
var UnusedRule = &rule.Rule{
	ID:            "rampart.unused-suppression",
	Title:         "Suppression that silences nothing",
	Vulnerability: "Stale Exception to a Security Check",
	CWE:           []string{"CWE-1164"},
	OWASP:         []string{"A05:2021"},
	Severity:      rule.Low,
	Confidence:    rule.HighConfidence,
	Languages:     allLanguages,
	Description: "A rampart:ignore comment names a rule that reports nothing on its line or " +
		"the next one.",
	Impact: "A stale suppression hides the next real finding that appears on that line.",
	Fix:    "Remove the comment, or move it above the line it is about.",
	FixExample: `// rampart:ignore js.sql-injection -- the table name comes from a constant list
await db.query(sql);`,
	Bad:  "// rampart:ignore js.sql-injection -- legacy\nconst x = 1;\n",
	Good: "const x = 1;\n",
}

// MalformedRule reports a rampart:ignore comment that names no rule.
var MalformedRule = &rule.Rule{
	ID:            "rampart.malformed-suppression",
	Title:         "Suppression that names no rule",
	Vulnerability: "Malformed Exception to a Security Check",
	CWE:           []string{"CWE-1164"},
	OWASP:         []string{"A05:2021"},
	Severity:      rule.Low,
	Confidence:    rule.HighConfidence,
	Languages:     allLanguages,
	Description: "A rampart:ignore comment does not start with the ids of the rules it " +
		"silences.",
	Impact:     "It silences nothing; the reader may believe it does.",
	Fix:        "Write rampart:ignore RULE-ID -- reason, with the id rampart rules lists.",
	FixExample: `// rampart:ignore js.xss -- the value is a number checked above`,
	Bad:        "// rampart:ignore\n",
	Good:       "// rampart:ignore js.xss -- checked above\n",
}
