package javascript

import (
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// The model is flow-insensitive, so branches and loops flatten into their parts in source
// order. A condition lowers to an Eval only when it calls something: a bare `if (x)` reads
// x and has no effect worth keeping.

// ifStmt lowers `if (c) a; else b`: the condition, the guards it establishes, then each
// branch.
func (l *lowerer) ifStmt(n *syntax.Node) {
	cond, cons, alt := n.Child("condition"), n.Child("consequence"), n.Child("alternative")
	l.condition(cond)
	l.guards(cond, true)
	l.nested(cons)
	if alt != nil || cons != nil && exits(cons) {
		// Past a consequence that returns, and in the else branch, a negated test holds.
		l.guards(cond, false)
	}
	l.nested(alt)
}

// condition lowers a condition as an Eval, calls or not: what a condition reads (the
// role in `if (req.user.role !== 'admin')`) tells what the code checks. Absent conditions
// (`for (;;)`) are allowed.
func (l *lowerer) condition(n *syntax.Node) {
	switch {
	case n == nil || n.Kind == "empty_statement":
	case n.Kind == "expression_statement":
		l.condition(firstKid(n))
	case n.Kind == "assignment_expression" || n.Kind == "augmented_assignment_expression" ||
		n.Kind == "sequence_expression":
		l.effect(n)
	default:
		l.emit(&model.Eval{X: l.expr(n)})
	}
}

// forStmt lowers `for (init; cond; update) body`.
func (l *lowerer) forStmt(n *syntax.Node) {
	if init := n.Child("initializer"); init != nil {
		if !l.knownStmt(init) {
			l.effect(init)
		}
	}
	for _, c := range n.Children {
		if c.Named && c.Field == "condition" {
			l.condition(c)
		}
	}
	if inc := n.Child("increment"); inc != nil {
		l.effect(inc)
	}
	l.nested(n.Child("body"))
}

// forInStmt lowers `for (const x of xs)` and `for (const k in obj)` to an assignment of an
// unknown element of the right-hand side: x = xs[?].
func (l *lowerer) forInStmt(n *syntax.Node) {
	left, right := n.Child("left"), n.Child("right")
	if left != nil && right != nil {
		obj := l.expr(right)
		elem := &model.Member{Obj: obj, Index: &model.Unknown{Pos: l.pos(right)}, Pos: l.pos(right)}
		if to := l.target(left); to != nil {
			l.emit(&model.Assign{To: to, Value: elem, Pos: l.span(left, right)})
		}
	}
	l.nested(n.Child("body"))
}

// loopStmt lowers `while (c) body`, `do body while (c)` and `with (obj) body`, in source
// order.
func (l *lowerer) loopStmt(n *syntax.Node) {
	for _, c := range n.Children {
		switch c.Field {
		case "condition", "object":
			l.condition(c)
		case "body":
			l.stmt(c)
		}
	}
}

// switchStmt lowers `switch (x) { case a: ...; default: ... }`: the discriminant, then
// each case's test and statements.
func (l *lowerer) switchStmt(n *syntax.Node) {
	l.condition(n.Child("value"))
	for _, c := range kids(n.Child("body")) {
		for _, s := range c.Children {
			switch s.Field {
			case "value":
				l.condition(s)
			case "body":
				l.stmt(s)
			}
		}
	}
}

// tryStmt lowers `try { } catch (e) { } finally { }`; the caught value is unknown.
func (l *lowerer) tryStmt(n *syntax.Node) {
	l.nested(n.Child("body"))
	if h := n.Child("handler"); h != nil {
		if p := h.Child("parameter"); p != nil {
			if to := l.pattern(p); to != nil {
				l.emit(&model.Assign{To: to, Value: &model.Unknown{Pos: l.pos(p)}, Pos: l.pos(p)})
			}
		}
		l.nested(h.Child("body"))
	}
	l.nested(n.Child("finalizer"))
}

// exits reports whether a statement always leaves the function: `return`, `throw`, or a
// block that ends with one.
func exits(n *syntax.Node) bool {
	switch n.Kind {
	case "return_statement", "throw_statement":
		return true
	case "statement_block":
		k := kids(n)
		return len(k) > 0 && exits(k[len(k)-1])
	}
	return false
}

// containsCall reports whether evaluating x calls a function; the bodies of closures do
// not run where they are written, so they do not count.
func containsCall(x model.Expr) bool {
	switch x := x.(type) {
	case *model.Call:
		return true
	case *model.Member:
		return containsCall(x.Obj) || x.Index != nil && containsCall(x.Index)
	case *model.Concat:
		return anyCall(x.Parts)
	case *model.Op:
		return anyCall(x.Args)
	case *model.Choice:
		return anyCall(x.Alts)
	case *model.Array:
		return anyCall(x.Elems)
	case *model.Spread:
		return containsCall(x.X)
	case *model.Object:
		for _, p := range x.Props {
			if containsCall(p.Value) {
				return true
			}
		}
	}
	return false
}

func anyCall(xs []model.Expr) bool {
	for _, x := range xs {
		if containsCall(x) {
			return true
		}
	}
	return false
}
