package javascript

import (
	"regexp"
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
)

// routeCode returns the statements that run for a route: its handler's and the closures
// inside it.
func routeCode(r *appmodel.Route) []*model.Func {
	if r.HandlerFunc == nil {
		return nil
	}
	return r.HandlerFunc.WithNested()
}

// walkFuncs calls visit for every expression of the functions' bodies.
func walkFuncs(fns []*model.Func, visit func(model.Expr) bool) {
	for _, fn := range fns {
		for _, s := range fn.Body {
			model.WalkStmt(s, visit)
		}
	}
}

// requestPath returns the names of a member chain rooted at the request: ["params", "id"]
// for req.params.id; nil when the chain does not start at req, request or ctx.
func requestPath(x model.Expr) []string {
	var rev []string
	for {
		switch e := x.(type) {
		case *model.Member:
			if e.Prop == "" {
				rev = rev[:0]
			} else {
				rev = append(rev, e.Prop)
			}
			x = e.Obj
		case *model.Ref:
			if e.Name != "req" && e.Name != "request" && e.Name != "ctx" {
				return nil
			}
			out := make([]string, len(rev))
			for i, s := range rev {
				out[len(rev)-1-i] = s
			}
			return out
		default:
			return nil
		}
	}
}

// pathMatches reports whether any segment of a route path matches re.
func pathMatches(path string, re *regexp.Regexp) bool {
	for _, seg := range strings.Split(strings.ToLower(path), "/") {
		if re.MatchString(seg) {
			return true
		}
	}
	return false
}

// lastSegments returns the last n segments of a route path: a route's own name, not the
// prefix of the router it is mounted under.
func lastSegments(path string, n int) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	if len(segs) > n {
		segs = segs[len(segs)-n:]
	}
	return strings.Join(segs, "/")
}

// constValue returns a constant's value and whether x is one.
func constValue(x model.Expr) (string, bool) {
	k, ok := x.(*model.Const)
	if !ok {
		return "", false
	}
	return k.Value, true
}
