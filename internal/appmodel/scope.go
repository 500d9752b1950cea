package appmodel

import "strings"

// scoped returns copies of middleware registered on a path (app.use('/admin', check)),
// marked to apply only below it.
func scoped(mws []*Middleware, path string) []*Middleware {
	out := make([]*Middleware, len(mws))
	for i, m := range mws {
		c := *m
		c.scope = path
		out[i] = &c
	}
	return out
}

// filterScoped drops from each route's chain the middleware scoped to another path.
func filterScoped(routes []*Route) []*Route {
	for _, r := range routes {
		kept := r.Chain[:0:0]
		for _, m := range r.Chain {
			if m.scope == "" || under(r.Path, m.scope) {
				kept = append(kept, m)
			}
		}
		r.Chain = kept
	}
	return routes
}

// under reports whether path is scope or below it: /admin/users is under /admin, but
// /administrator is not.
func under(path, scope string) bool {
	scope = strings.TrimSuffix(scope, "/")
	return path == scope || strings.HasPrefix(path, scope+"/") || scope == ""
}
