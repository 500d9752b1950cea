package javascript

import (
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// Roles the frontend gives the parameters of route and message handlers.
const (
	roleRequest  = "request"
	roleResponse = "response"
	roleMessage  = "message"
)

// params lowers a function's parameters, and the statements they imply at the start of
// its body: defaults, destructuring and TypeScript parameter properties.
func (l *lowerer) params(fn *model.Func, n *syntax.Node) {
	if p := n.Child("parameter"); p != nil {
		l.param(fn, p)
	}
	for _, p := range kids(n.Child("parameters")) {
		l.param(fn, p)
	}
	l.roles(fn, n)
}

// param lowers one parameter: `a`, `a = 1`, `...rest`, `{ body }`, `[a, b]`, and the
// TypeScript `@Body() dto: Dto`, `id?: string` and `private readonly db: Db`. A
// destructured parameter gets the synthetic name $pN, N its position.
func (l *lowerer) param(fn *model.Func, n *syntax.Node) {
	p, pattern, def := l.paramParts(n)
	if pattern == nil || pattern.Kind == "this" {
		return // `this: T` types the receiver; it is no argument
	}
	p.Name = "$p" + strconv.Itoa(len(fn.Params))
	if pattern.Kind == "identifier" {
		p.Name = l.text(pattern)
	}
	fn.Params = append(fn.Params, p)

	at := l.pos(n)
	ref := &model.Ref{Name: p.Name, Pos: at}
	if def != nil {
		v := &model.Choice{Alts: []model.Expr{ref, l.expr(def)}, Pos: at}
		l.emit(&model.Assign{To: &model.VarTarget{Name: p.Name}, Value: v, Pos: at})
	}
	if pattern.Kind != "identifier" {
		if to := l.pattern(pattern); to != nil {
			l.emit(&model.Assign{To: to, Value: ref, Pos: at})
		}
	}
	if isParameterProperty(n) {
		if inject := l.injected(n, at); inject != nil {
			l.emit(&model.Assign{To: &model.VarTarget{Name: p.Name}, Value: inject, Pos: at})
		}
		to := &model.MemberTarget{Obj: &model.This{Pos: at}, Prop: p.Name}
		l.emit(&model.Assign{To: to, Value: ref, Pos: at})
	}
}

// injected returns `new Type()` for a parameter property typed with a class name,
// `private readonly orders: OrdersService`: dependency injection (NestJS, Angular-style
// containers) passes an instance of that class, and knowing it lets calls such as
// this.orders.byId(id) reach the class's method.
func (l *lowerer) injected(n *syntax.Node, at model.Pos) model.Expr {
	name := l.typeName(n)
	if name == "" {
		return nil
	}
	return &model.Call{Callee: &model.Ref{Name: name, Pos: at}, New: true, Pos: at}
}

// typeName returns the declared type of a TypeScript parameter when it is a plain name.
func (l *lowerer) typeName(n *syntax.Node) string {
	ann := n.Child("type")
	if ann == nil {
		return ""
	}
	if t := ann.NamedChild(0); t != nil && t.Kind == "type_identifier" {
		return l.text(t)
	}
	return ""
}

// paramParts takes a parameter apart: its annotations and whether it is a rest
// parameter, the name or pattern it binds, and its default value.
func (l *lowerer) paramParts(n *syntax.Node) (p model.Param, pattern, def *syntax.Node) {
	pattern = n
	if n.Kind == "required_parameter" || n.Kind == "optional_parameter" {
		p.Annotations = l.decorators(n)
		pattern, def = n.Child("pattern"), n.Child("value")
		p.Type = l.typeName(n)
	}
	if pattern != nil && pattern.Kind == "assignment_pattern" {
		pattern, def = pattern.Child("left"), pattern.Child("right")
	}
	if pattern != nil && pattern.Kind == "rest_pattern" {
		p.Rest, pattern = true, firstKid(pattern)
	}
	return p, pattern, def
}

// isParameterProperty reports whether a TypeScript constructor parameter also declares a
// property: `private readonly db: Db` stores db in this.db.
func isParameterProperty(n *syntax.Node) bool {
	return n.HasChild("accessibility_modifier") || n.HasChild("readonly") ||
		n.HasChild("override")
}

// decorators lowers the decorators of a parameter: `@Body()` is {Body}, `@Param('id')` is
// {Param [id]}. Only literal arguments are kept.
func (l *lowerer) decorators(n *syntax.Node) []model.Annotation {
	var out []model.Annotation
	for _, c := range n.Children {
		if c.Field == "decorator" {
			out = append(out, l.decorator(c))
		}
	}
	return out
}

// decorator lowers one decorator: `@Get(':id')` is {Get [:id]}, `@UseGuards(AuthGuard('jwt'),
// RolesGuard)` is {UseGuards [AuthGuard RolesGuard]}.
func (l *lowerer) decorator(d *syntax.Node) model.Annotation {
	x := unwrap(firstKid(d))
	var a model.Annotation
	if x != nil && x.Kind == "call_expression" {
		for _, arg := range args(x) {
			a.Args = append(a.Args, l.decoratorArg(unwrap(arg))...)
		}
		x = unwrap(x.Child("function"))
	}
	a.Name = l.lastName(x)
	return a
}

// decoratorArg returns what a decorator argument says: a literal's value, a name, the
// name of a called factory (AuthGuard('jwt')), or nothing for anything else.
func (l *lowerer) decoratorArg(arg *syntax.Node) []string {
	switch {
	case arg == nil:
		return nil
	case isConstant(arg):
		if s, ok := l.literal(arg); ok {
			return []string{s}
		}
		return []string{l.text(arg)}
	case arg.Kind == "identifier" || arg.Kind == "member_expression":
		return []string{l.lastName(arg)}
	case arg.Kind == "call_expression" || arg.Kind == "new_expression":
		callee := arg.Child("function")
		if callee == nil {
			callee = arg.Child("constructor")
		}
		return []string{l.lastName(callee)}
	}
	return nil
}

// roles marks the request and response parameters of an inline route handler. Koa passes
// one context, conventionally ctx, that is both.
func (l *lowerer) roles(fn *model.Func, n *syntax.Node) {
	if len(fn.Params) == 0 {
		return
	}
	if l.isMessageHandler(n) {
		ps := fn.Params
		ps[0].Annotations = append(ps[0].Annotations, model.Annotation{Name: roleMessage})
		return
	}
	if !l.isRouteHandler(n) {
		return
	}
	ps := fn.Params
	if ps[0].Name == "ctx" {
		ps[0].Annotations = append(ps[0].Annotations, model.Annotation{Name: roleRequest},
			model.Annotation{Name: roleResponse})
		return
	}
	ps[0].Annotations = append(ps[0].Annotations, model.Annotation{Name: roleRequest})
	if len(ps) > 1 {
		ps[1].Annotations = append(ps[1].Annotations, model.Annotation{Name: roleResponse})
	}
}

// isRouteHandler reports whether a function is passed inline to a route registration:
// `app.get('/users/:id', auth, (req, res) => ...)`, `router.use('/api', fn)`, and
// `router.route('/users').post(fn)`.
func (l *lowerer) isRouteHandler(fn *syntax.Node) bool {
	a := fn.Parent
	if a == nil || a.Kind != "arguments" || a.Parent == nil {
		return false
	}
	callee := unwrap(a.Parent.Child("function"))
	if callee == nil || callee.Kind != "member_expression" {
		return false
	}
	if m := l.text(callee.Child("property")); m != "use" && routeMethods[m] == "" {
		return false
	}

	path, ok := "", false
	if first := firstKid(a); first != fn {
		path, ok = l.literal(first)
	}
	if !ok {
		path, ok = l.chainedPath(callee.Child("object"))
	}
	return ok && (strings.HasPrefix(path, "/") || path == "*")
}

// lifecycleEvents are socket events that carry no client data.
var lifecycleEvents = map[string]bool{
	"connection": true, "connect": true, "open": true, "close": true, "disconnect": true,
	"disconnecting": true, "error": true, "end": true, "listening": true, "ping": true,
	"pong": true, "upgrade": true, "headers": true,
}

// isMessageHandler reports whether a function receives a message from a client or a
// queue: `socket.on('chat', (msg) => ...)` on a socket or WebSocket, amqplib's
// `channel.consume(queue, (msg) => ...)`, kafkajs's `eachMessage: async ({ message }) =>`.
func (l *lowerer) isMessageHandler(fn *syntax.Node) bool {
	p := fn.Parent
	if p != nil && p.Kind == "pair" && l.memberName(p.Child("key")) == "eachMessage" {
		return true
	}
	if p == nil || p.Kind != "arguments" || p.Parent == nil {
		return false
	}
	callee := unwrap(p.Parent.Child("function"))
	if callee == nil || callee.Kind != "member_expression" {
		return false
	}
	switch l.text(callee.Child("property")) {
	case "consume":
		return true
	case "on", "once":
		event, ok := l.literal(firstKid(p))
		receiver := strings.ToLower(l.text(callee.Child("object")))
		return ok && !lifecycleEvents[event] &&
			(strings.Contains(receiver, "socket") || strings.Contains(receiver, "ws"))
	}
	return false
}
