package model

// WalkStmt calls visit for every expression of a statement, outermost first, not entering
// an expression for which visit returns false. Closures are not entered: their bodies are
// functions of their own.
func WalkStmt(s Stmt, visit func(Expr) bool) {
	switch s := s.(type) {
	case *Assign:
		WalkExpr(s.Value, visit)
		walkTarget(s.To, visit)
	case *Eval:
		WalkExpr(s.X, visit)
	case *Return:
		WalkExpr(s.X, visit)
	}
}

func walkTarget(t Target, visit func(Expr) bool) {
	switch t := t.(type) {
	case *MemberTarget:
		WalkExpr(t.Obj, visit)
	case *PatternTarget:
		for _, f := range t.Fields {
			WalkExpr(f.Default, visit)
			walkTarget(f.Target, visit)
		}
	}
}

// WalkExpr calls visit for x and the expressions inside it, outermost first, not entering
// an expression for which visit returns false.
func WalkExpr(x Expr, visit func(Expr) bool) {
	if x == nil || !visit(x) {
		return
	}
	switch x := x.(type) {
	case *Member:
		WalkExpr(x.Obj, visit)
		WalkExpr(x.Index, visit)
	case *Call:
		WalkExpr(x.Callee, visit)
		walkList(x.Args, visit)
	case *Concat:
		walkList(x.Parts, visit)
	case *Op:
		walkList(x.Args, visit)
	case *Choice:
		walkList(x.Alts, visit)
	case *Array:
		walkList(x.Elems, visit)
	case *Spread:
		WalkExpr(x.X, visit)
	case *Object:
		for _, p := range x.Props {
			WalkExpr(p.Value, visit)
		}
	}
}

func walkList(xs []Expr, visit func(Expr) bool) {
	for _, x := range xs {
		WalkExpr(x, visit)
	}
}
