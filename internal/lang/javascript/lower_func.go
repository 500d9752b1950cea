package javascript

import (
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// function lowers a function of any form, `function f(a) {}`, `function* g() {}`,
// `async (a) => a`, `m(a) {}`, into a Func nested in the current one, and returns it.
func (l *lowerer) function(n *syntax.Node) *model.Func {
	fn := l.newFunc(n, l.funcName(n))
	if l.fn == l.mod.Init && n.Child("name") != nil && isDeclaration(n.Kind) {
		l.topFuncs[fn.Name] = fn
	}
	l.inFunc(fn, func() {
		l.params(fn, n)
		l.body(n.Child("body"))
	})
	return fn
}

func isDeclaration(kind string) bool {
	return kind == "function_declaration" || kind == "generator_function_declaration"
}

// body lowers a function body; an arrow function's expression body is its return value.
func (l *lowerer) body(b *syntax.Node) {
	switch {
	case b == nil:
	case b.Kind == "statement_block":
		l.stmts(b)
	default:
		l.emit(&model.Return{X: l.expr(b), Pos: l.pos(b)})
	}
}

// funcName returns the name of a function or class: its own, else the name it is assigned
// to, else "<anonymous>".
func (l *lowerer) funcName(n *syntax.Node) string {
	if name := n.Child("name"); name != nil {
		return l.memberName(name)
	}
	return l.assignedName(n)
}

// isWrapper reports whether a node kind only wraps a value: `(f)`, `f as T`, `f!`.
func isWrapper(kind string) bool {
	switch kind {
	case "parenthesized_expression", "as_expression", "satisfies_expression",
		"non_null_expression", "type_assertion":
		return true
	}
	return false
}

// assignedName returns the name a value is assigned to: `const f = ...`, `{ f: ... }`,
// `x.f = ...`, `f = ...` as a default or a class field, "default" for `export default`
// and `module.exports =`; "<anonymous>" when there is none, as for a callback.
func (l *lowerer) assignedName(n *syntax.Node) string {
	p := n.Parent
	for p != nil && isWrapper(p.Kind) {
		n, p = p, p.Parent
	}
	if p == nil {
		return anonymous
	}
	var name *syntax.Node
	switch p.Kind {
	case "variable_declarator", "public_field_definition":
		name = p.Child("name")
	case "field_definition":
		name = p.Child("property")
	case "pair":
		name = p.Child("key")
	case "assignment_expression", "assignment_pattern", "object_assignment_pattern":
		name = p.Child("left")
	case "export_statement":
		return "default"
	}
	if name == nil || name == n {
		return anonymous
	}
	return l.targetName(unwrap(name))
}

// targetName returns the name an assignment's left side gives its value: `f`, `x.f`,
// `x['f']`, and "default" for module.exports.
func (l *lowerer) targetName(n *syntax.Node) string {
	switch {
	case n == nil:
		return anonymous
	case n.Kind == "member_expression":
		if l.isModuleExports(n) {
			return "default"
		}
		return l.text(n.Child("property"))
	case n.Kind == "subscript_expression":
		if s, ok := l.literal(n.Child("index")); ok {
			return s
		}
		return anonymous
	case n.Kind == "identifier", n.Kind == "shorthand_property_identifier_pattern",
		n.Kind == "property_identifier", n.Kind == "private_property_identifier",
		n.Kind == "string", n.Kind == "number":
		return l.memberName(n)
	}
	return anonymous
}
