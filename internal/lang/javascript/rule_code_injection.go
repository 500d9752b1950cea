package javascript

import (
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/syntax"
)

var codeInjectionRule = &rule.Rule{
	ID:            "js.code-injection",
	Title:         "Code injection through dynamic evaluation",
	Vulnerability: "Code Injection",
	CWE:           []string{"CWE-95", "CWE-94"},
	OWASP:         []string{"A03:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A string that is not a constant is evaluated as code by eval, the Function " +
		"constructor, the vm module or a string passed to setTimeout/setInterval.",
	Impact: "Whoever controls the string runs arbitrary JavaScript inside the server " +
		"process: reading secrets and files, reaching the database with the service's " +
		"credentials, and starting a shell on the host.",
	Fix: "Do not evaluate strings. Parse data with JSON.parse, map allowed operations to " +
		"functions in a lookup table, and treat the vm module as no security boundary.",
	FixExample: `const operations = { sum: (a, b) => a + b, max: Math.max };
const op = operations[req.body.op];
if (!op) return res.status(400).json({ error: 'unknown operation' });
res.json({ result: op(req.body.a, req.body.b) });`,
	Bad:  "app.post('/calc', (req, res) => res.json(eval(req.body.expression)));\n",
	Good: "app.post('/calc', (req, res) => res.json(JSON.parse(req.body.payload)));\n",
}

var codeInjection = check{
	rule:  codeInjectionRule,
	kinds: []string{"call_expression", "new_expression"},
	match: matchCodeInjection,
}

// evaluators maps callees that run a string as code to the index of that string.
var evaluators = map[string]int{
	"eval": 0, "vm.runInThisContext": 0, "vm.runInNewContext": 0,
	"vm.runInContext": 0, "vm.compileFunction": 0, "vm.Script": 0,
}

// timers run their first argument as code when it is a string rather than a function.
var timers = map[string]bool{"setTimeout": true, "setInterval": true, "setImmediate": true}

func matchCodeInjection(f *file, n *syntax.Node) {
	calleeField := "function"
	if n.Kind == "new_expression" {
		calleeField = "constructor"
	}
	callee := f.qualify(n.Child(calleeField))
	a := args(n)

	var code []*syntax.Node
	switch i, ok := evaluators[callee]; {
	case ok && len(a) > i:
		code = a[i : i+1]
	case callee == "Function":
		// new Function('a', 'b', 'return a + b'): every argument is source text.
		code = a
	case timers[callee] && len(a) > 0 && isStringBuilder(a[0]):
		code = a[:1]
	}
	for _, c := range code {
		if !f.isConstant(c, 0) {
			f.reportInjection(codeInjectionRule, n, c)
			return
		}
	}
}

// isStringBuilder reports whether n builds a string: a concatenation or a template.
func isStringBuilder(n *syntax.Node) bool {
	n = unwrap(n)
	return n != nil && (n.Kind == "binary_expression" || n.Kind == "template_string" ||
		n.Kind == "string")
}

// reportInjection reports a dynamic value reaching an injection sink when the value does
// not come from the request as far as this file shows. Request data is the data-flow
// analysis's to judge: it follows it across files and knows sanitizers and guards, so a
// pattern finding there would only repeat it or contradict it.
func (f *file) reportInjection(r *rule.Rule, sink *syntax.Node, values ...*syntax.Node) {
	for _, v := range values {
		if f.requestTrace(v) != nil {
			return
		}
	}
	f.report(r, sink)
}

// calleeText returns the callee of a call or new expression as written.
func (f *file) calleeText(call *syntax.Node) string {
	if c := call.Child("function"); c != nil {
		return f.text(c)
	}
	return "new " + f.text(call.Child("constructor"))
}
