package javascript

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

func isPlus(op string) bool    { return op == "+" }
func isLogical(op string) bool { return op == "&&" || op == "||" || op == "??" }

// binary lowers `a + b + c` to one Concat, `a || b ?? c` to one Choice, and any other
// binary operator, `in` and `instanceof` included, to an Op.
func (l *lowerer) binary(n *syntax.Node) model.Expr {
	switch op := operator(n); {
	case isPlus(op):
		return &model.Concat{Parts: l.operands(n, isPlus, nil), Pos: l.pos(n)}
	case isLogical(op):
		return &model.Choice{Alts: l.operands(n, isLogical, nil), Pos: l.pos(n)}
	default:
		args := []model.Expr{l.exprOf(n, "left"), l.exprOf(n, "right")}
		return &model.Op{Op: op, Args: args, Pos: l.pos(n)}
	}
}

// operands appends the operands of a chain of binary operators of one class to out.
func (l *lowerer) operands(n *syntax.Node, class func(string) bool, out []model.Expr) []model.Expr {
	if n.Kind != "binary_expression" || !class(operator(n)) {
		return append(out, l.expr(n))
	}
	for _, side := range []string{"left", "right"} {
		if c := n.Child(side); c != nil {
			out = l.operands(c, class, out)
		}
	}
	return out
}

// unary lowers `!x`, `-x`, `typeof x`, `void x`, `delete x.y`, `x++` and `--x`.
func (l *lowerer) unary(n *syntax.Node) model.Expr {
	return &model.Op{Op: operator(n), Args: []model.Expr{l.exprOf(n, "argument")}, Pos: l.pos(n)}
}

// ternary lowers `c ? a : b` to a choice of a and b; c counts for its effects only.
func (l *lowerer) ternary(n *syntax.Node) model.Expr {
	l.condition(n.Child("condition"))
	alts := []model.Expr{l.exprOf(n, "consequence"), l.exprOf(n, "alternative")}
	return &model.Choice{Alts: alts, Pos: l.pos(n)}
}

// assign lowers `a = b`, `a.b = c`, `a[k] = v` and `[a, b] = [b, a]`; nested in an
// expression, the assignment is emitted first and stands for its right-hand side.
func (l *lowerer) assign(n *syntax.Node) model.Expr {
	left, right := n.Child("left"), n.Child("right")
	var to model.Target
	if left != nil {
		to = l.target(left)
	}
	v := l.exprOf(n, "right")
	if to == nil {
		l.evalCalls(v)
		return v
	}
	l.emit(&model.Assign{To: to, Value: v, Pos: l.pos(n)})
	l.commonJSExport(to, v, right, n)
	return v
}

// augmented lowers `a += b` to a = concat(a, b), `a ||= b` (and `&&=`, `??=`) to
// a = choice(a, b), and other compound operators to a = op(a, b).
func (l *lowerer) augmented(n *syntax.Node) model.Expr {
	left, right := n.Child("left"), n.Child("right")
	if left == nil || right == nil {
		return &model.Unknown{Pos: l.pos(n)}
	}
	cur := l.expr(left)

	var v model.Expr
	switch op := strings.TrimSuffix(operator(n), "="); {
	case isPlus(op):
		v = &model.Concat{Parts: l.operands(right, isPlus, []model.Expr{cur}), Pos: l.pos(n)}
	case isLogical(op):
		v = &model.Choice{Alts: []model.Expr{cur, l.expr(right)}, Pos: l.pos(n)}
	default:
		v = &model.Op{Op: op, Args: []model.Expr{cur, l.expr(right)}, Pos: l.pos(n)}
	}
	if to := toTarget(cur); to != nil {
		l.emit(&model.Assign{To: to, Value: v, Pos: l.pos(n)})
	}
	return v
}

// target lowers the left side of an assignment: a variable, a member or a pattern; nil
// for anything else.
func (l *lowerer) target(n *syntax.Node) model.Target {
	n = unwrap(n)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case "identifier", "shorthand_property_identifier_pattern":
		return &model.VarTarget{Name: l.text(n)}
	case "object_pattern", "array_pattern":
		return l.pattern(n)
	case "member_expression", "subscript_expression":
		return toTarget(l.expr(n))
	}
	return nil
}

// toTarget turns a lowered reference into the target that stores to it. Lowering the left
// side once, as an expression, serves both `a.b += c`'s read and its write.
func toTarget(x model.Expr) model.Target {
	switch x := x.(type) {
	case *model.Ref:
		return &model.VarTarget{Name: x.Name}
	case *model.Member:
		return &model.MemberTarget{Obj: x.Obj, Prop: x.Prop}
	}
	return nil
}
