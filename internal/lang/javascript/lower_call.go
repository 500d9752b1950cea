package javascript

import (
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// call lowers `f(a, ...b)`, `obj.m(a)`, `f?.(a)`, and tagged templates: sql`a${b}`.
func (l *lowerer) call(n *syntax.Node) model.Expr {
	if spec, ok := l.requireSpec(n); ok {
		return l.inlineRequire(n, spec)
	}
	c := &model.Call{Callee: l.exprOf(n, "function"), Pos: l.callPos(n)}
	if a := n.Child("arguments"); a != nil && a.Kind == "template_string" {
		c.Tagged = true
		c.Args = l.taggedArgs(a)
		return c
	}
	c.Args = l.callArgs(n)
	return c
}

// inlineRequire lowers a require that binds no name, as in app.use(require('helmet')()),
// to a reference to an import of its own, "require:helmet", so that the module is known
// wherever the value goes.
func (l *lowerer) inlineRequire(n *syntax.Node, spec string) model.Expr {
	name := "require:" + spec
	l.mod.Imports[name] = model.Import{Spec: spec}
	return &model.Ref{Name: name, Pos: l.pos(n)}
}

// callPos locates a call. A method call that opens a line of a chain, as in
//
//	db.select()
//		.where(`name = '${name}'`)
//
// starts at its method, so that a finding points at the line a reader looks for.
func (l *lowerer) callPos(n *syntax.Node) model.Pos {
	at := l.pos(n)
	callee := unwrap(n.Child("function"))
	if callee == nil || callee.Kind != "member_expression" {
		return at
	}
	prop := callee.Child("property")
	if prop == nil || prop.Start.Line == n.Start.Line {
		return at
	}
	at.Line, at.Column = int32(prop.Start.Line), int32(prop.Start.Column)
	at.Text = l.snippet(prop.StartByte, n.EndByte)
	return at
}

// newExpr lowers `new Pool(config)` and `new Foo`.
func (l *lowerer) newExpr(n *syntax.Node) model.Expr {
	c := &model.Call{Callee: l.exprOf(n, "constructor"), New: true, Pos: l.pos(n)}
	c.Args = l.callArgs(n)
	return c
}

// callArgs lowers the arguments of a call; spread arguments lower to Spread.
func (l *lowerer) callArgs(n *syntax.Node) []model.Expr {
	a := args(n)
	if len(a) == 0 {
		return nil
	}
	out := make([]model.Expr, len(a))
	for i, c := range a {
		out[i] = l.expr(c)
	}
	return out
}

// taggedArgs lowers a tagged template's arguments as the tag function receives them: the
// array of literal texts, then each substitution.
func (l *lowerer) taggedArgs(t *syntax.Node) []model.Expr {
	strs := &model.Array{Pos: l.pos(t)}
	out := []model.Expr{strs}
	for _, p := range l.templateParts(t) {
		if p.sub != nil {
			out = append(out, l.inner(p.sub))
		} else {
			strs.Elems = append(strs.Elems, l.fragment(p, t))
		}
	}
	return out
}
