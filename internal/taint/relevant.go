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
		model.WalkStmt(s, visit)
		if found {
			return true
		}
	}
	return false
}
