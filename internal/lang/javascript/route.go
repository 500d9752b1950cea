package javascript

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// routeMethods are the router methods that register a handler for an HTTP method, as
// Express, Koa's routers and Fastify spell them.
var routeMethods = map[string]string{
	"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE",
	"del": "DELETE", "options": "OPTIONS", "head": "HEAD", "all": "ALL",
}

// indexRoutes finds route registrations such as `router.get('/orders/:id', auth, handler)`
// and remembers, for each handler, the route it serves: inline functions by node, named
// handlers by name.
//
// TODO: paths are as written at the registration; prefixes from app.use('/api', router)
// mounts need the application model to be added.
func (f *file) indexRoutes(candidates []*syntax.Node) {
	for _, n := range candidates {
		if n.Kind != "call_expression" {
			continue
		}
		route := f.routeOf(n)
		if route == "" {
			continue
		}
		for _, a := range args(n)[1:] {
			switch a.Kind {
			case "arrow_function", "function_expression", "function":
				f.handlers[a] = route
			case "identifier":
				f.namedHandlers[f.text(a)] = route
			}
		}
	}
}

// routeOf returns "GET /orders/:id" for a route registration call, or "".
func (f *file) routeOf(call *syntax.Node) string {
	callee := unwrap(call.Child("function"))
	if callee == nil || callee.Kind != "member_expression" {
		return ""
	}
	method, ok := routeMethods[f.text(callee.Child("property"))]
	a := args(call)
	if !ok || len(a) < 2 {
		return ""
	}
	path, ok := f.stringValue(a[0])
	if !ok {
		// router.route('/orders/:id').get(handler)
		path, ok = f.chainedRoutePath(callee.Child("object"))
		if !ok {
			return ""
		}
	}
	if !strings.HasPrefix(path, "/") && path != "*" {
		return ""
	}
	return method + " " + path
}

func (f *file) chainedRoutePath(obj *syntax.Node) (string, bool) {
	obj = unwrap(obj)
	for obj != nil && obj.Kind == "call_expression" {
		callee := unwrap(obj.Child("function"))
		if callee == nil || callee.Kind != "member_expression" {
			return "", false
		}
		if f.text(callee.Child("property")) == "route" {
			a := args(obj)
			if len(a) == 0 {
				return "", false
			}
			return f.stringValue(a[0])
		}
		obj = unwrap(callee.Child("object"))
	}
	return "", false
}

// routeAt returns the route a lowered function serves: an inline handler found at the
// function's position, or a named one registered by name in this file.
func (f *file) routeAt(fn *model.Func) string {
	for n, route := range f.handlers {
		if int32(n.Start.Line) == fn.Pos.Line && int32(n.Start.Column) == fn.Pos.Column {
			return route
		}
	}
	if fn.Parent == nil || fn.Parent == fn.Module.Init {
		return f.namedHandlers[fn.Name]
	}
	return ""
}

// context names where n sits for a finding's title: the route whose handler holds it, else
// the enclosing named function, else nothing.
func (f *file) context(n *syntax.Node) string {
	fn := enclosingFunction(n)
	for ; fn != nil; fn = enclosingFunction(fn) {
		if route, ok := f.handlers[fn]; ok {
			return route
		}
		name := f.functionName(fn)
		if route, ok := f.namedHandlers[name]; ok && name != "" {
			return route
		}
		if name != "" {
			return name + "()"
		}
	}
	return ""
}

// enclosingFunction returns the nearest function around n, or nil at the top level.
func enclosingFunction(n *syntax.Node) *syntax.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if isFunction(p) {
			return p
		}
	}
	return nil
}

func isFunction(n *syntax.Node) bool {
	switch n.Kind {
	case "function_declaration", "function_expression", "function", "arrow_function",
		"method_definition", "generator_function_declaration":
		return true
	}
	return false
}

// functionName returns a function's own name, or the name of the variable or property it
// is assigned to.
func (f *file) functionName(fn *syntax.Node) string {
	if name := fn.Child("name"); name != nil {
		return f.text(name)
	}
	switch p := fn.Parent; {
	case p == nil:
		return ""
	case p.Kind == "variable_declarator":
		return f.text(p.Child("name"))
	case p.Kind == "pair":
		return f.keyName(p.Child("key"))
	case p.Kind == "assignment_expression":
		return f.propertyName(p.Child("left"))
	}
	return ""
}
