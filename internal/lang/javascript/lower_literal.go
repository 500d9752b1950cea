package javascript

import (
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// constKinds maps literal node kinds to the constant they are.
var constKinds = map[string]model.ConstKind{
	"string": model.String, "number": model.Number, "true": model.Bool,
	"false": model.Bool, "null": model.Null, "undefined": model.Null, "regex": model.Regexp,
}

// constant lowers a literal: 'a' (the value without quotes, escapes as written), 42,
// true, null, undefined, /^a+$/i (the whole text, flags included).
func (l *lowerer) constant(n *syntax.Node) model.Expr {
	c := &model.Const{Kind: constKinds[n.Kind], Value: l.text(n), Pos: l.pos(n)}
	if s, ok := l.literal(n); ok && c.Kind == model.String {
		c.Value = s
	}
	return c
}

// template lowers `a${b}c` to concat("a", b, "c"), and a template without substitutions
// to a string.
func (l *lowerer) template(n *syntax.Node) model.Expr {
	if !n.HasChild("template_substitution") {
		s, _ := l.literal(n)
		return &model.Const{Kind: model.String, Value: s, Pos: l.pos(n)}
	}
	var parts []model.Expr
	for _, p := range l.templateParts(n) {
		if p.sub != nil {
			parts = append(parts, l.inner(p.sub))
		} else if p.first != nil {
			parts = append(parts, l.fragment(p, n))
		}
	}
	return &model.Concat{Parts: parts, Pos: l.pos(n)}
}

// templatePart is a substitution of a template, or the literal text between two of them,
// from the node first to the node last; an empty literal has neither.
type templatePart struct {
	sub, first, last *syntax.Node
}

// templateParts splits a template into its literal texts and substitutions, a literal
// text before, between and after every substitution, as a tag function receives them.
func (l *lowerer) templateParts(n *syntax.Node) []templatePart {
	parts := []templatePart{{}}
	for _, c := range kids(n) {
		cur := &parts[len(parts)-1]
		switch {
		case c.Kind == "template_substitution":
			parts = append(parts, templatePart{sub: c}, templatePart{})
		case cur.first == nil:
			cur.first, cur.last = c, c
		default:
			cur.last = c
		}
	}
	return parts
}

// fragment lowers the literal text of a part of template n, escapes as written; an empty
// text is placed at the template.
func (l *lowerer) fragment(p templatePart, n *syntax.Node) model.Expr {
	if p.first == nil {
		return &model.Const{Kind: model.String, Pos: l.pos(n)}
	}
	value := string(l.src[p.first.StartByte:p.last.EndByte])
	return &model.Const{Kind: model.String, Value: value, Pos: l.span(p.first, p.last)}
}

// object lowers `{ a, b: c, [k]: v, ...rest, m() {} }`.
func (l *lowerer) object(n *syntax.Node) model.Expr {
	obj := &model.Object{Pos: l.pos(n)}
	for _, c := range kids(n) {
		switch c.Kind {
		case "pair":
			key := l.key(c.Child("key"))
			obj.Props = append(obj.Props, model.Prop{Key: key, Value: l.exprOf(c, "value")})
		case "shorthand_property_identifier":
			obj.Props = append(obj.Props, model.Prop{Key: l.text(c), Value: l.expr(c)})
		case "spread_element":
			obj.Props = append(obj.Props, model.Prop{Value: l.inner(c), Spread: true})
		case "method_definition":
			fn := &model.Closure{Func: l.function(c), Pos: l.pos(c)}
			obj.Props = append(obj.Props, model.Prop{Key: l.key(c.Child("name")), Value: fn})
		default:
			l.effects(c)
		}
	}
	return obj
}

// key returns the name a property key spells: `a`, `'a'`, `1`, `#a`; "" for a computed
// key, whose expression is lowered for its effects.
func (l *lowerer) key(n *syntax.Node) string {
	switch {
	case n == nil:
		return ""
	case n.Kind == "computed_property_name":
		if k := firstKid(n); k != nil {
			l.evalCalls(l.expr(k))
		}
		return ""
	}
	if s, ok := l.literal(n); ok {
		return s
	}
	return l.text(n)
}

// array lowers `[a, ...b]`. Holes are left out.
func (l *lowerer) array(n *syntax.Node) model.Expr {
	arr := &model.Array{Pos: l.pos(n)}
	for _, c := range kids(n) {
		arr.Elems = append(arr.Elems, l.expr(c))
	}
	return arr
}
