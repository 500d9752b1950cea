package javascript

import (
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// expr lowers an expression. Syntax the model has no form for becomes Unknown, after the
// calls and functions inside it are lowered for their effects.
func (l *lowerer) expr(n *syntax.Node) model.Expr {
	if x := l.knownExpr(n); x != nil {
		return x
	}
	l.effects(n)
	return &model.Unknown{Pos: l.pos(n)}
}

// exprOf lowers the child of n in field, or Unknown at n when broken code lacks it.
func (l *lowerer) exprOf(n *syntax.Node, field string) model.Expr {
	if c := n.Child(field); c != nil {
		return l.expr(c)
	}
	return &model.Unknown{Pos: l.pos(n)}
}

// knownExpr lowers n if it is an expression the model has a form for, else returns nil
// having done nothing.
func (l *lowerer) knownExpr(n *syntax.Node) model.Expr {
	switch n.Kind {
	case "identifier", "shorthand_property_identifier":
		return &model.Ref{Name: l.text(n), Pos: l.pos(n)}
	case "this":
		return &model.This{Pos: l.pos(n)}
	case "member_expression":
		return l.member(n)
	case "subscript_expression":
		return l.subscript(n)
	case "call_expression":
		return l.call(n)
	case "new_expression":
		return l.newExpr(n)
	case "binary_expression":
		return l.binary(n)
	case "unary_expression", "update_expression":
		return l.unary(n)
	case "ternary_expression":
		return l.ternary(n)
	case "assignment_expression":
		return l.assign(n)
	case "augmented_assignment_expression":
		return l.augmented(n)
	case "sequence_expression":
		return l.sequenceExpr(n)
	case "function_expression", "function", "arrow_function", "generator_function":
		return &model.Closure{Func: l.function(n), Pos: l.pos(n)}
	case "class":
		l.class(n)
		return &model.Unknown{Pos: l.pos(n)}
	}
	return l.knownValue(n)
}

// knownValue lowers literals, wrappers that do not change a value, and spreads.
func (l *lowerer) knownValue(n *syntax.Node) model.Expr {
	switch n.Kind {
	case "string", "number", "true", "false", "null", "undefined", "regex":
		return l.constant(n)
	case "template_string":
		return l.template(n)
	case "object":
		return l.object(n)
	case "array":
		return l.array(n)
	case "spread_element":
		return &model.Spread{X: l.inner(n), Pos: l.pos(n)}
	case "parenthesized_expression", "await_expression", "yield_expression",
		"as_expression", "satisfies_expression", "non_null_expression", "type_assertion",
		"instantiation_expression":
		return l.inner(n)
	}
	return nil
}

// inner lowers the operand of a wrapper: `(x)`, `await x`, `x as T`, `<T>x`, `x!`.
func (l *lowerer) inner(n *syntax.Node) model.Expr {
	for _, c := range n.Children {
		if c.Named && c.Kind != "comment" && c.Kind != "type_arguments" {
			return l.expr(c)
		}
	}
	return &model.Unknown{Pos: l.pos(n)}
}

// member lowers `obj.prop` and `obj?.prop`. Error recovery can leave the property empty,
// which makes it an unknown index.
func (l *lowerer) member(n *syntax.Node) model.Expr {
	m := &model.Member{Obj: l.exprOf(n, "object"), Prop: l.text(n.Child("property")), Pos: l.pos(n)}
	if m.Prop == "" {
		m.Index = &model.Unknown{Pos: m.Pos}
	}
	return m
}

// subscript lowers `obj[key]`; a string key is a property: obj['name'] is obj.name. An
// empty string key stays an index, since an empty Prop means a computed one.
func (l *lowerer) subscript(n *syntax.Node) model.Expr {
	m := &model.Member{Obj: l.exprOf(n, "object"), Pos: l.pos(n)}
	index := n.Child("index")
	if s, ok := l.literal(index); ok && s != "" {
		m.Prop = s
	} else {
		m.Index = l.exprOf(n, "index")
	}
	return m
}

// sequenceExpr lowers `(a(), b)`: every operand but the last is evaluated for its effects
// and the last is the value.
func (l *lowerer) sequenceExpr(n *syntax.Node) model.Expr {
	parts := sequence(n, nil)
	if len(parts) == 0 {
		return &model.Unknown{Pos: l.pos(n)}
	}
	for _, p := range parts[:len(parts)-1] {
		l.exprStmt(p)
	}
	return l.expr(parts[len(parts)-1])
}

// sequence appends the operands of a comma expression to out, flattening the nested form
// older grammars produce.
func sequence(n *syntax.Node, out []*syntax.Node) []*syntax.Node {
	for _, c := range kids(n) {
		if c.Kind == "sequence_expression" {
			out = sequence(c, out)
		} else {
			out = append(out, c)
		}
	}
	return out
}
