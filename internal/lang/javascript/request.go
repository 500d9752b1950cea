package javascript

import (
	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// requestFields are the members of an Express, Fastify or Koa request object whose value
// the client chooses.
var requestFields = map[string]bool{
	"query": true, "params": true, "body": true, "headers": true, "cookies": true,
	"signedCookies": true, "url": true, "originalUrl": true, "path": true, "files": true,
	"file": true, "hostname": true, "raw": true,
}

// requestGetters are request methods that return client-chosen values: req.get('X-Id').
var requestGetters = map[string]bool{"get": true, "header": true, "param": true}

// requestNames are the names handlers give the request: Express and Fastify use req or
// request, Koa its context.
var requestNames = map[string]bool{"req": true, "request": true, "ctx": true}

// sanitizers turn any input into a value that cannot carry an injection: numbers.
var sanitizers = map[string]bool{
	"parseInt": true, "parseFloat": true, "Number": true, "Boolean": true,
	"Math.floor": true, "Math.round": true, "Math.ceil": true, "Math.abs": true,
	"Math.min": true, "Math.max": true, "Math.trunc": true,
	"Number.parseInt": true, "Number.parseFloat": true, "encodeURIComponent": true,
}

// requestTrace follows n back to a request value within the file: through the variables
// it reads, their initializers and `+=` appends, up to maxResolveDepth hops. It returns
// the trace from the request value to n's parts, or nil when n does not come from the
// request as far as this file shows.
//
// TODO: this sees one file and does not enter called functions; the data-flow engine
// replaces it with summaries across functions and modules.
func (f *file) requestTrace(n *syntax.Node) []finding.Step {
	return f.traceFrom(n, 0, make(map[*syntax.Node]bool))
}

func (f *file) traceFrom(n *syntax.Node, depth int, seen map[*syntax.Node]bool) []finding.Step {
	if n == nil || depth > maxResolveDepth {
		return nil
	}
	var trace []finding.Step
	syntax.Walk(n, func(c *syntax.Node) bool {
		if trace != nil {
			return false
		}
		switch {
		case isFunction(c) || f.isSanitizer(c):
			return false
		case f.isRequestValue(c):
			trace = []finding.Step{f.step(c, f.snippet(c))}
			return false
		case isName(c) && c.Field != "property":
			trace = f.traceName(c, depth, seen)
			return false
		}
		return true
	})
	return trace
}

// traceName follows a variable to its declaration and its appends.
func (f *file) traceName(id *syntax.Node, depth int, seen map[*syntax.Node]bool) []finding.Step {
	d := f.declarator(id)
	if d == nil || seen[d] {
		return nil
	}
	seen[d] = true

	sources := append([]*syntax.Node{d.Child("value")}, f.appendsTo(d, f.text(id))...)
	for _, src := range sources {
		if t := f.traceFrom(src, depth+1, seen); t != nil {
			return append(t, f.step(d, f.text(id)))
		}
	}
	return nil
}

// isRequestValue reports whether n reads client-controlled data: req.query.id,
// req.body, req.get('X-Id'), ctx.request.body, ctx.params.
func (f *file) isRequestValue(n *syntax.Node) bool {
	switch n.Kind {
	case "member_expression", "subscript_expression":
		path := f.memberPath(n)
		return isRequestPath(path)
	case "call_expression":
		path := f.memberPath(unwrap(n.Child("function")))
		if len(path) == 2 && requestNames[path[0]] && requestGetters[path[1]] {
			return true
		}
		return len(path) == 3 && path[0] == "ctx" && path[1] == "cookies" && path[2] == "get"
	}
	return false
}

func isRequestPath(path []string) bool {
	if len(path) < 2 || !requestNames[path[0]] {
		return false
	}
	if path[0] == "ctx" && path[1] == "request" {
		return len(path) >= 3 && requestFields[path[2]]
	}
	return requestFields[path[1]]
}

// memberPath returns the names along a member chain: ["req", "params", "id"]. Computed
// subscripts end the path.
func (f *file) memberPath(n *syntax.Node) []string {
	var rev []string
	for n != nil {
		switch n.Kind {
		case "member_expression":
			rev = append(rev, f.text(n.Child("property")))
			n = unwrap(n.Child("object"))
		case "subscript_expression":
			rev = rev[:0]
			n = unwrap(n.Child("object"))
		case "identifier":
			rev = append(rev, f.text(n))
			n = nil
		default:
			return nil
		}
	}
	path := make([]string, len(rev))
	for i, s := range rev {
		path[len(rev)-1-i] = s
	}
	return path
}

func (f *file) isSanitizer(n *syntax.Node) bool {
	return n.Kind == "call_expression" && sanitizers[f.qualify(n.Child("function"))]
}
