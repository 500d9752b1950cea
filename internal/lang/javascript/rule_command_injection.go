package javascript

import (
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/syntax"
)

var commandInjectionRule = &rule.Rule{
	ID:            "js.command-injection",
	Title:         "OS command injection",
	Vulnerability: "OS Command Injection",
	CWE:           []string{"CWE-78"},
	OWASP:         []string{"A03:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A command line that is not a constant is run through a shell by " +
		"child_process.exec or execSync.",
	Impact: "Shell metacharacters in the command (; | $() and backticks) let whoever " +
		"controls part of it run any command on the host with the server's privileges.",
	Fix: "Run the program without a shell: execFile or spawn with the arguments as an " +
		"array, and check each argument against an allowlist or a strict pattern.",
	FixExample: `const { execFile } = require('child_process');
if (!/^[a-z0-9.-]+$/i.test(req.query.host)) return res.status(400).end();
execFile('ping', ['-c', '1', req.query.host], (err, stdout) => res.send(stdout));`,
	Bad: "const { exec } = require('child_process');\n" +
		"app.get('/ping', (req, res) => exec('ping -c 1 ' + req.query.host));\n",
	Good: "const { execFile } = require('child_process');\n" +
		"app.get('/ping', (req, res) => execFile('ping', ['-c', '1', req.query.host]));\n",
}

var commandInjection = check{
	rule:  commandInjectionRule,
	kinds: []string{"call_expression"},
	match: matchCommandInjection,
}

// shellRunners run their first argument through /bin/sh.
var shellRunners = map[string]bool{
	"child_process.exec": true, "child_process.execSync": true,
}

func matchCommandInjection(f *file, n *syntax.Node) {
	if !shellRunners[f.qualify(n.Child("function"))] {
		return
	}
	a := args(n)
	if len(a) == 0 || f.isConstant(a[0], 0) {
		return
	}
	f.reportInjection(commandInjectionRule, n, a[0])
}
