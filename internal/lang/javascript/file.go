package javascript

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// file is what the rules know about one parsed file: its bindings, collected in the same
// walk that gathers the nodes each rule looks at.
type file struct {
	rel  string
	src  []byte
	root *syntax.Node

	// imports maps a local name to what it was bound to: "jsonwebtoken" for a module,
	// "child_process.exec" for one of its exports.
	imports map[string]string
	// decls maps a variable name to its declarators, in source order.
	decls map[string][]*syntax.Node
	// appends maps a variable name to its `+=` assignments, in source order.
	appends map[string][]*syntax.Node

	// handlers and namedHandlers map route handlers to the route they serve.
	handlers      map[*syntax.Node]string
	namedHandlers map[string]string

	findings  []finding.Finding
	positives []finding.Positive
	// namedSecrets wait for the end of the file's checks; see reportNamedSecrets.
	namedSecrets []namedSecret
}

func newFile(rel string, f *syntax.File) *file {
	return &file{
		rel:     rel,
		src:     f.Source,
		root:    f.Root,
		imports: make(map[string]string),
		decls:   make(map[string][]*syntax.Node),
		appends: make(map[string][]*syntax.Node),

		handlers:      make(map[*syntax.Node]string),
		namedHandlers: make(map[string]string),
	}
}

func (f *file) text(n *syntax.Node) string { return n.Text(f.src) }

// collect records bindings from declarations and imports while the walk passes.
func (f *file) collect(n *syntax.Node) {
	switch n.Kind {
	case "variable_declarator":
		f.collectDeclarator(n)
	case "import_statement":
		f.collectImport(n)
	case "augmented_assignment_expression":
		left := n.Child("left")
		if left != nil && left.Kind == "identifier" && f.text(n.Child("operator")) == "+=" {
			name := f.text(left)
			f.appends[name] = append(f.appends[name], n)
		}
	}
}

// collectDeclarator handles `const x = ...`, including the require forms
// `const jwt = require('jsonwebtoken')`, `const { exec } = require('child_process')` and
// `const exec = require('child_process').exec`.
func (f *file) collectDeclarator(n *syntax.Node) {
	name, value := n.Child("name"), n.Child("value")
	if name == nil {
		return
	}
	f.declareNames(name, n)
	module := f.requiredModule(value)
	if module == "" {
		module = f.promisified(value)
	}
	if module == "" {
		return
	}
	switch name.Kind {
	case "identifier":
		f.imports[f.text(name)] = module
	case "object_pattern":
		f.bindPattern(name, module)
	}
}

// declareNames records every name a declarator binds, destructured ones included, so that
// `const { id } = req.params` makes id resolve to req.params.
func (f *file) declareNames(pattern, declarator *syntax.Node) {
	syntax.Walk(pattern, func(c *syntax.Node) bool {
		switch c.Kind {
		case "identifier", "shorthand_property_identifier_pattern":
			f.decls[f.text(c)] = append(f.decls[f.text(c)], declarator)
		case "pair_pattern":
			// Only the value side binds a name; the key names a property.
			if v := c.Child("value"); v != nil {
				f.declareNames(v, declarator)
			}
			return false
		}
		return true
	})
}

// requiredModule returns the module a require(...) expression, or a member of one, names.
func (f *file) requiredModule(n *syntax.Node) string {
	n = unwrap(n)
	if n == nil {
		return ""
	}
	switch n.Kind {
	case "call_expression":
		callee := n.Child("function")
		if callee == nil || callee.Kind != "identifier" || f.text(callee) != "require" {
			return ""
		}
		if s, ok := f.stringValue(n.Child("arguments").NamedChild(0)); ok {
			return normalizeModule(s)
		}
	case "member_expression":
		if m := f.requiredModule(n.Child("object")); m != "" {
			return m + "." + f.text(n.Child("property"))
		}
	}
	return ""
}

// promisified returns what util.promisify wraps, so that
// `const run = promisify(exec)` makes run a child_process.exec.
func (f *file) promisified(n *syntax.Node) string {
	n = unwrap(n)
	if n == nil || n.Kind != "call_expression" {
		return ""
	}
	if q := f.qualify(n.Child("function")); q != "util.promisify" {
		return ""
	}
	if a := args(n); len(a) == 1 && a[0].Kind == "identifier" {
		return f.imports[f.text(a[0])]
	}
	return ""
}

// bindPattern binds the names of `{ a, b: c }` to members of module.
func (f *file) bindPattern(pattern *syntax.Node, module string) {
	for _, c := range pattern.Children {
		switch c.Kind {
		case "shorthand_property_identifier_pattern":
			f.imports[f.text(c)] = module + "." + f.text(c)
		case "pair_pattern":
			key, value := c.Child("key"), c.Child("value")
			if value != nil && value.Kind == "identifier" {
				f.imports[f.text(value)] = module + "." + f.text(key)
			}
		}
	}
}

// collectImport handles ES module imports: default, namespace and named bindings.
func (f *file) collectImport(n *syntax.Node) {
	source, ok := f.stringValue(n.Child("source"))
	if !ok {
		return
	}
	module := normalizeModule(source)
	syntax.Walk(n, func(c *syntax.Node) bool {
		switch c.Kind {
		case "import_clause":
			if id := c.NamedChild(0); id != nil && id.Kind == "identifier" {
				f.imports[f.text(id)] = module
			}
		case "namespace_import":
			if id := c.NamedChild(0); id != nil {
				f.imports[f.text(id)] = module
			}
		case "import_specifier":
			imported := f.text(c.Child("name"))
			local := imported
			if alias := c.Child("alias"); alias != nil {
				local = f.text(alias)
			}
			f.imports[local] = module + "." + imported
		}
		return true
	})
}

// normalizeModule drops the node: scheme so that 'node:child_process' and
// 'child_process' are one module.
func normalizeModule(s string) string { return strings.TrimPrefix(s, "node:") }
