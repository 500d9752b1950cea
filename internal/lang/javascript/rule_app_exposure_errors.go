package javascript

import (
	"slices"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var errorDetailsRule = &rule.Rule{
	ID:            "js.error-details-leak",
	Title:         "Error details sent to the client",
	Vulnerability: "Information Exposure Through an Error Message",
	CWE:           []string{"CWE-209", "CWE-497"},
	OWASP:         []string{"A05:2021", "A04:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "An error handler (a middleware with the four parameters err, req, res, " +
		"next, or Fastify's setErrorHandler callback), a catch block, a promise's .catch " +
		"or a callback's err parameter in a handler sends the error object, its stack " +
		"or its message in the response (res.send, res.json, res.write, res.end, " +
		"reply.send, ctx.body).",
	Impact: "Stack traces and driver messages show file paths, library versions, SQL " +
		"statements, table and column names and sometimes secrets from connection " +
		"strings: a map for the next attack, handed out by any request that makes the " +
		"server fail.",
	Fix: "Log the error on the server with a request id, and answer with a generic " +
		"message and that id. Send an error's message only for errors the code raised " +
		"on purpose for the client (validation errors with expose set).",
	FixExample: `app.use((err, req, res, next) => {
  const id = crypto.randomUUID();
  logger.error({ err, id }, 'request failed');
  res.status(500).json({ error: 'Internal server error', id });
});`,
	Bad: "app.use((err, req, res, next) => {\n" +
		"  res.status(500).json({ error: err.message, stack: err.stack });\n});\n",
	Good: "app.use((err, req, res, next) => {\n  console.error(err);\n" +
		"  res.status(500).json({ error: 'Internal server error' });\n});\n",
}

// errorNames are the names code gives a caught error.
var errorNames = []string{"err", "error", "e", "ex", "exc", "exception", "er"}

// errorDetails are the properties of an error that describe the server's insides: the
// stack, the message, and the SQL text and message MySQL drivers attach.
var errorDetails = []string{"stack", "message", "sql", "sqlMessage"}

// sendMethods write a response body: res.send, res.json, reply.send, res.end.
var sendMethods = []string{"send", "json", "jsonp", "write", "end"}

// responseNames are the response objects of Express, Node, Fastify and Koa handlers.
var responseNames = []string{"res", "response", "resp", "reply", "ctx"}

var _ = addAppCheck([]*rule.Rule{errorDetailsRule}, func(c *appChecks, m *appmodel.Model) {
	code := c.reached(m)
	l := &leakCheck{c: c, reported: make(map[model.Pos]bool)}
	for _, r := range m.Routes {
		if r.HandlerFunc != nil {
			l.check(r.HandlerFunc, r.Method+" "+r.Path+" sends a caught error's details to "+
				"the client")
		}
	}
	handlers := errorHandlers(m, code)
	for _, fn := range handlers {
		l.checkHandler(fn)
	}
	for _, mw := range allMiddleware(m) {
		if mw.Func != nil && !slices.Contains(handlers, mw.Func) {
			l.check(mw.Func, "A middleware sends a caught error's details to the client")
		}
	}
})

// leakCheck reports each send of error details once, however many routes share it.
type leakCheck struct {
	c        *appChecks
	reported map[model.Pos]bool
}

// errorHandlers returns the error handlers of the project: four-parameter middleware of
// the model, Fastify's setErrorHandler callbacks, and four-parameter functions of the
// reached modules whose first parameter is named like an error (a router's handler
// registered after its routes is in no chain).
func errorHandlers(m *appmodel.Model, code *exposureCode) []*model.Func {
	var out []*model.Func
	add := func(fn *model.Func) {
		if fn != nil && !slices.Contains(out, fn) {
			out = append(out, fn)
		}
	}
	for _, mw := range allMiddleware(m) {
		if mw.Func != nil && len(mw.Func.Params) == 4 {
			add(mw.Func)
		}
	}
	for _, app := range m.Apps {
		for _, call := range app.Calls {
			if lastName(call.Callee) == "setErrorHandler" && len(call.Args) > 0 {
				add(callbackFunc(code.initOf(app.Pos.File), call.Args[0]))
			}
		}
	}
	for _, fn := range code.funcs {
		if len(fn.Params) == 4 && slices.Contains(errorNames, fn.Params[0].Name) {
			add(fn)
		}
	}
	return out
}

// checkHandler reports an error handler's sends of error details, or notes that it
// answers without them.
func (l *leakCheck) checkHandler(fn *model.Func) {
	sends, leaks := l.check(fn, "The error handler sends the error's details to the client")
	if sends > 0 && leaks == 0 {
		l.c.positive("The error handler hides internal details", fn.Pos)
	}
}

// check reports the sends of fn and its callbacks whose body holds error details, and
// returns how many sends there are and how many of them leak.
func (l *leakCheck) check(fn *model.Func, title string) (sends, leaks int) {
	for _, f := range fn.WithNested() {
		for _, sent := range responseBodies(f) {
			sends++
			if !leaksError(f, sent.value, 0) {
				continue
			}
			leaks++
			if !l.reported[sent.pos] {
				l.reported[sent.pos] = true
				l.c.report(errorDetailsRule, sent.pos, title)
			}
		}
	}
	return sends, leaks
}

// responseBody is a value a function writes to the response, and where.
type responseBody struct {
	value model.Expr
	pos   model.Pos
}

// responseBodies returns what fn writes to the response: the arguments of
// res.status(500).json(...) and the like, and Koa's ctx.body = ....
func responseBodies(fn *model.Func) []responseBody {
	var out []responseBody
	for _, s := range fn.Body {
		if a, ok := s.(*model.Assign); ok && isKoaBody(a.To) {
			out = append(out, responseBody{value: a.Value, pos: a.Pos})
		}
		model.WalkStmt(s, func(x model.Expr) bool {
			call, ok := x.(*model.Call)
			if !ok || !isSend(call) {
				return true
			}
			for _, arg := range call.Args {
				out = append(out, responseBody{value: arg, pos: call.Pos})
			}
			return true
		})
	}
	return out
}

// isSend reports res.send(...), res.status(500).json(...), reply.code(500).send(...).
func isSend(call *model.Call) bool {
	member, ok := call.Callee.(*model.Member)
	if !ok || !slices.Contains(sendMethods, member.Prop) {
		return false
	}
	return slices.Contains(responseNames, callChainRoot(member.Obj))
}

// callChainRoot returns the variable a chain of calls on the response starts at:
// "res" for res.status(500).set('X', 'y').
func callChainRoot(x model.Expr) string {
	for {
		switch e := x.(type) {
		case *model.Ref:
			return e.Name
		case *model.Call:
			x = e.Callee
		case *model.Member:
			x = e.Obj
		default:
			return ""
		}
	}
}

// isKoaBody reports ctx.body and ctx.response.body as assignment targets.
func isKoaBody(to model.Target) bool {
	t, ok := to.(*model.MemberTarget)
	return ok && t.Prop == "body" && callChainRoot(t.Obj) == "ctx"
}

// leaksError reports whether a value sent from fn holds an error's details: the error
// itself, its stack or message, or a text or object made from them. A call of a project
// or library function is taken to format the error safely, except the ones that only
// turn it into text (String, JSON.stringify, util.inspect) and methods called on the
// details themselves (err.stack.split('\n')).
func leaksError(fn *model.Func, x model.Expr, hops int) bool {
	if hops > maxExposureHops {
		return false
	}
	switch x := x.(type) {
	case *model.Ref:
		if isCaughtError(fn, x.Name) {
			return true
		}
		if _, _, v := bindingOf(fn, x.Name); v != nil {
			return leaksError(fn, v, hops+1)
		}
	case *model.Member:
		return errorDetail(fn, x)
	case *model.Call:
		return leaksThroughCall(fn, x, hops)
	case *model.Concat:
		return anyLeaks(fn, x.Parts, hops)
	case *model.Choice:
		return anyLeaks(fn, x.Alts, hops)
	case *model.Array:
		return anyLeaks(fn, x.Elems, hops)
	case *model.Spread:
		return leaksError(fn, x.X, hops)
	case *model.Object:
		for _, p := range x.Props {
			if leaksError(fn, p.Value, hops) {
				return true
			}
		}
	}
	return false
}

func anyLeaks(fn *model.Func, xs []model.Expr, hops int) bool {
	for _, x := range xs {
		if leaksError(fn, x, hops) {
			return true
		}
	}
	return false
}

// textFormatters turn a value into text, details included.
var textFormatters = []string{"String", "JSON.stringify", "util.inspect", "util.format"}

func leaksThroughCall(fn *model.Func, call *model.Call, hops int) bool {
	if member, ok := call.Callee.(*model.Member); ok && leaksError(fn, member.Obj, hops) {
		return true // err.toString(), err.stack.split('\n')
	}
	if slices.Contains(textFormatters, nameOf(fn, call.Callee)) {
		return anyLeaks(fn, call.Args, hops)
	}
	return false
}

// errorDetail reports err.stack, err.message and their like, also a level down
// (err.original.message): the chain must start at a caught error and name a detail.
func errorDetail(fn *model.Func, x *model.Member) bool {
	detail := false
	var root model.Expr = x
	for {
		m, ok := root.(*model.Member)
		if !ok {
			break
		}
		detail = detail || slices.Contains(errorDetails, m.Prop)
		root = m.Obj
	}
	ref, ok := root.(*model.Ref)
	return ok && detail && isCaughtError(fn, ref.Name)
}

// isCaughtError reports whether a name holds an error the code caught: the first
// parameter of an error handler or of a callback (err, data) => ..., or a catch block's
// parameter, which the model assigns an unknown value.
func isCaughtError(fn *model.Func, name string) bool {
	owner, param, value := bindingOf(fn, name)
	switch {
	case owner == nil:
		return false
	case param == 0 && len(owner.Params) == 4:
		return !requestNames[name] // router.param's (req, res, next, id)
	case param == 0:
		return slices.Contains(errorNames, name)
	case param > 0:
		return false
	}
	_, unknown := value.(*model.Unknown)
	return unknown && slices.Contains(errorNames, name)
}
