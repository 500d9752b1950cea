package javascript

import (
	"bytes"

	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// binding is a name a declaration binds, with its lowered value when the name is bound
// directly (`const f = () => 1`) and nil when destructured or uninitialised.
type binding struct {
	name  string
	value model.Expr
}

// declaration lowers `const a = 1, { b } = c` and `let x;` (which lowers to nothing), and
// returns the names bound, for exports.
func (l *lowerer) declaration(n *syntax.Node) []binding {
	var out []binding
	for _, d := range n.Children {
		if d.Kind == "variable_declarator" {
			out = l.declarator(d, out)
		}
	}
	return out
}

// declarator lowers `x = e` or `{ a, b } = e` of a declaration, or binds an import when e
// requires a module.
func (l *lowerer) declarator(d *syntax.Node, out []binding) []binding {
	name, value := d.Child("name"), d.Child("value")
	if name == nil {
		return out
	}
	l.noteCheck(d)
	if value != nil && l.requireBinding(name, value) {
		return out
	}

	var v model.Expr
	to := l.pattern(name)
	if value != nil {
		v = l.expr(value)
		if to != nil {
			l.emit(&model.Assign{To: to, Value: v, Pos: l.pos(d)})
		}
	}
	if name.Kind != "identifier" {
		return appendNames(out, to)
	}
	if c, ok := v.(*model.Closure); ok && l.fn == l.mod.Init {
		l.topFuncs[l.text(name)] = c.Func
	}
	return append(out, binding{name: l.text(name), value: v})
}

// appendNames appends the variables a target binds.
func appendNames(out []binding, to model.Target) []binding {
	switch to := to.(type) {
	case *model.VarTarget:
		out = append(out, binding{name: to.Name})
	case *model.PatternTarget:
		for _, f := range to.Fields {
			out = appendNames(out, f.Target)
		}
		out = appendNames(out, to.Rest)
	}
	return out
}

// pattern lowers a destructuring pattern, or a plain name or member, to where it stores.
func (l *lowerer) pattern(n *syntax.Node) model.Target {
	switch n.Kind {
	case "object_pattern":
		return l.objectPattern(n)
	case "array_pattern":
		return l.arrayPattern(n)
	}
	return l.target(n)
}

// objectPattern lowers `{ a, b: c, d = 1, e: { f }, ...rest }`.
//
// TODO: computed keys (`{ [k]: v }`) are left out: a field has no way to name an unknown
// property.
func (l *lowerer) objectPattern(n *syntax.Node) model.Target {
	pt := &model.PatternTarget{}
	for _, c := range kids(n) {
		var key string
		switch c.Kind {
		case "shorthand_property_identifier_pattern":
			key = l.text(c)
		case "object_assignment_pattern":
			key = l.text(c.Child("left"))
		case "pair_pattern":
			key = l.key(c.Child("key"))
			c = c.Child("value")
		case "rest_pattern":
			pt.Rest = l.restTarget(c)
			continue
		}
		if f, ok := l.field(key, 0, c); ok && key != "" {
			pt.Fields = append(pt.Fields, f)
		}
	}
	return pt
}

// arrayPattern lowers `[a, , b = 1, ...rest]`. The commas between elements are dropped
// from the tree, so an element's index is the number of commas before it.
func (l *lowerer) arrayPattern(n *syntax.Node) model.Target {
	pt := &model.PatternTarget{}
	prev, index := n.StartByte, 0
	for _, c := range n.Children {
		if !c.Named {
			continue
		}
		if prev <= c.StartByte && int(c.StartByte) <= len(l.src) {
			index += bytes.Count(l.src[prev:c.StartByte], []byte{','})
		}
		prev = c.EndByte
		switch c.Kind {
		case "comment":
		case "rest_pattern":
			pt.Rest = l.restTarget(c)
		default:
			if f, ok := l.field("", index, c); ok {
				pt.Fields = append(pt.Fields, f)
			}
		}
	}
	return pt
}

// field lowers one binding of a pattern, with its default value if it has one.
func (l *lowerer) field(key string, index int, n *syntax.Node) (model.PatternField, bool) {
	f := model.PatternField{Key: key, Index: index}
	if n != nil && (n.Kind == "assignment_pattern" || n.Kind == "object_assignment_pattern") {
		if def := n.Child("right"); def != nil {
			f.Default = l.expr(def)
		}
		n = n.Child("left")
	}
	if n == nil {
		return f, false
	}
	f.Target = l.pattern(n)
	return f, f.Target != nil
}

// restTarget lowers the target of `...rest` in a pattern.
func (l *lowerer) restTarget(n *syntax.Node) model.Target {
	if c := firstKid(n); c != nil {
		return l.pattern(c)
	}
	return nil
}
