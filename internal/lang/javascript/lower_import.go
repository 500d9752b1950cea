package javascript

import (
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// requireBinding binds the names of `const x = require('m')`, `const { a, b: c } =
// require('m')` and `const a = require('m').a` as imports, and reports whether the
// declarator was one. A require bound inside a function is recorded too: the engine finds
// it through Imports once no enclosing function binds the name.
func (l *lowerer) requireBinding(name, value *syntax.Node) bool {
	spec, export, ok := l.required(unwrap(value))
	if !ok {
		return false
	}
	switch name.Kind {
	case "identifier":
		l.mod.Imports[l.text(name)] = model.Import{Spec: spec, Name: export}
		return true
	case "object_pattern":
		return export == "" && l.requirePattern(name, spec)
	}
	return false
}

// required returns the module a `require('m')` names, and the export when the require is
// followed by a property: `require('m').a`.
func (l *lowerer) required(n *syntax.Node) (spec, export string, ok bool) {
	if n != nil && n.Kind == "member_expression" {
		spec, ok = l.requireSpec(unwrap(n.Child("object")))
		return spec, l.text(n.Child("property")), ok
	}
	spec, ok = l.requireSpec(n)
	return spec, "", ok
}

// requireSpec returns the module of a `require('m')` call.
func (l *lowerer) requireSpec(n *syntax.Node) (string, bool) {
	if n == nil || n.Kind != "call_expression" {
		return "", false
	}
	callee, a := n.Child("function"), args(n)
	if callee == nil || callee.Kind != "identifier" || l.text(callee) != "require" ||
		len(a) != 1 {
		return "", false
	}
	s, ok := l.literal(a[0])
	return normalizeModule(s), ok
}

// requirePattern binds `{ a, b: c }` to the exports of spec, when every property is that
// simple; other patterns (defaults, nesting, rest) lower as an ordinary assignment.
func (l *lowerer) requirePattern(pattern *syntax.Node, spec string) bool {
	props := kids(pattern)
	for _, c := range props {
		if !isPlainBinding(c) {
			return false
		}
	}
	for _, c := range props {
		local, export := c, c
		if c.Kind == "pair_pattern" {
			local, export = c.Child("value"), c.Child("key")
		}
		l.mod.Imports[l.text(local)] = model.Import{Spec: spec, Name: l.memberName(export)}
	}
	return true
}

// isPlainBinding reports whether a property of an object pattern binds a name to a named
// property: `a` or `b: c`.
func isPlainBinding(c *syntax.Node) bool {
	if c.Kind == "shorthand_property_identifier_pattern" {
		return true
	}
	key, value := c.Child("key"), c.Child("value")
	return c.Kind == "pair_pattern" && key != nil && value != nil &&
		key.Kind != "computed_property_name" && value.Kind == "identifier"
}

// importStmt lowers `import x from 'm'` (the default export), `import * as x from 'm'`
// (the module), `import { a, b as c } from 'm'` and TypeScript's `import x =
// require('m')`. Type-only imports bind nothing at run time and are skipped.
func (l *lowerer) importStmt(n *syntax.Node) {
	if n.HasChild("type") {
		return
	}
	spec, _ := l.literal(n.Child("source"))
	for _, clause := range kids(n) {
		switch clause.Kind {
		case "import_clause":
			l.importClause(clause, normalizeModule(spec))
		case "import_require_clause":
			s, _ := l.literal(clause.Child("source"))
			l.bindImport(firstKid(clause), normalizeModule(s), "")
		}
	}
}

// importClause binds the names of one import clause.
func (l *lowerer) importClause(clause *syntax.Node, spec string) {
	for _, c := range kids(clause) {
		switch c.Kind {
		case "identifier":
			l.bindImport(c, spec, "default")
		case "namespace_import":
			l.bindImport(firstKid(c), spec, "")
		case "named_imports":
			for _, s := range kids(c) {
				if s.Kind != "import_specifier" || s.HasChild("type") {
					continue
				}
				local := s.Child("alias")
				if local == nil {
					local = s.Child("name")
				}
				l.bindImport(local, spec, l.memberName(s.Child("name")))
			}
		}
	}
}

func (l *lowerer) bindImport(local *syntax.Node, spec, export string) {
	if local != nil {
		l.mod.Imports[l.text(local)] = model.Import{Spec: spec, Name: export}
	}
}
