package taint

import (
	"github.com/rampart-sec/rampart/internal/model"
)

// relevant reports whether a function can start a flow: it reads a variable that holds
// the request, or has a parameter a framework fills from it. The others are analysed
// only when such a function calls them, since without request data of their own they can
// only pass on what their callers give them; on large projects that skips most code.
func (e *engine) relevant(fn *model.Func) bool {
	for _, p := range fn.Params {
		for _, a := range p.Annotations {
			if _, ok := e.cat.ParamSources[a.Name]; ok || a.Name == "request" {
				return true
			}
		}
	}
	found := false
	visit := func(x model.Expr) bool {
		if r, ok := x.(*model.Ref); ok && e.cat.request[r.Name] {
			found = true
		}
		return !found
	}
	for _, s := range fn.Body {
		walkStmt(s, visit)
		if found {
			return true
		}
	}
	return false
}

// walkStmt calls visit for every expression of a statement, outermost first, until visit
// returns false. Closures are not entered: they are functions of their own.
func walkStmt(s model.Stmt, visit func(model.Expr) bool) {
	switch s := s.(type) {
	case *model.Assign:
		walkExpr(s.Value, visit)
		walkTarget(s.To, visit)
	case *model.Eval:
		walkExpr(s.X, visit)
	case *model.Return:
		walkExpr(s.X, visit)
	}
}

func walkTarget(t model.Target, visit func(model.Expr) bool) {
	switch t := t.(type) {
	case *model.MemberTarget:
		walkExpr(t.Obj, visit)
	case *model.PatternTarget:
		for _, f := range t.Fields {
			walkExpr(f.Default, visit)
			walkTarget(f.Target, visit)
		}
	}
}

func walkExpr(x model.Expr, visit func(model.Expr) bool) bool {
	if x == nil || !visit(x) {
		return x == nil
	}
	switch x := x.(type) {
	case *model.Member:
		return walkExpr(x.Obj, visit) && walkExpr(x.Index, visit)
	case *model.Call:
		return walkExpr(x.Callee, visit) && walkAll(x.Args, visit)
	case *model.Concat:
		return walkAll(x.Parts, visit)
	case *model.Op:
		return walkAll(x.Args, visit)
	case *model.Choice:
		return walkAll(x.Alts, visit)
	case *model.Array:
		return walkAll(x.Elems, visit)
	case *model.Spread:
		return walkExpr(x.X, visit)
	case *model.Object:
		for _, p := range x.Props {
			if !walkExpr(p.Value, visit) {
				return false
			}
		}
	}
	return true
}

func walkAll(xs []model.Expr, visit func(model.Expr) bool) bool {
	for _, x := range xs {
		if !walkExpr(x, visit) {
			return false
		}
	}
	return true
}
