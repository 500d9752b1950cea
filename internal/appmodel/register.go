package appmodel

import (
	"github.com/rampart-sec/rampart/internal/model"
)

// findRegistrations records, in statement order, the routes and middleware registered on
// the module's objects: app.get('/p', mw, handler), router.use(mw), app.use('/api',
// router), router.route('/p').post(handler), and chains of them.
func (b *builder) findRegistrations(m *model.Module) {
	for _, fn := range m.Funcs {
		for _, s := range fn.Body {
			if e, ok := s.(*model.Eval); ok {
				if call, ok := e.X.(*model.Call); ok {
					b.register(m, call)
				}
			}
		}
	}
}

// register handles one call, and the calls it is chained on.
func (b *builder) register(m *model.Module, call *model.Call) {
	member, ok := call.Callee.(*model.Member)
	if !ok {
		return
	}
	if inner, ok := member.Obj.(*model.Call); ok {
		b.register(m, inner) // app.use(a).use(b): a first
	}
	o, path := b.receiver(m, member.Obj)
	if o == nil {
		return
	}
	switch {
	case b.routes[member.Prop] && !(member.Prop == "get" && len(call.Args) == 1):
		b.addRoute(m, o, member.Prop, path, call)
	case member.Prop == "use":
		b.addUse(m, o, call)
	case o.app != nil:
		o.app.Calls = append(o.app.Calls, call)
	}
}

// receiver returns the object a registration is made on, and the path of a
// router.route('/p') chain.
func (b *builder) receiver(m *model.Module, x model.Expr) (*object, string) {
	switch x := x.(type) {
	case *model.Ref:
		return b.objects[m][x.Name], ""
	case *model.Call:
		member, ok := x.Callee.(*model.Member)
		if !ok {
			return nil, ""
		}
		o, path := b.receiver(m, member.Obj)
		if member.Prop == "route" && len(x.Args) > 0 {
			if c, ok := x.Args[0].(*model.Const); ok {
				return o, c.Value
			}
		}
		if member.Prop == "use" || b.routes[member.Prop] {
			return o, path // chained registrations return the object
		}
	}
	return nil, ""
}

func (b *builder) addRoute(m *model.Module, o *object, method, path string, call *model.Call) {
	args := call.Args
	if path == "" {
		c, ok := firstString(args)
		if !ok {
			return // app.get('setting') reads a setting; it registers nothing
		}
		path, args = c, args[1:]
	}
	if len(args) == 0 {
		return
	}
	r := registration{method: method, path: path, handler: args[len(args)-1], pos: call.Pos}
	for _, a := range args[:len(args)-1] {
		r.middleware = append(r.middleware, b.classes.middleware(m, a)...)
	}
	o.regs = append(o.regs, r)
}

func (b *builder) addUse(m *model.Module, o *object, call *model.Call) {
	r := registration{pos: call.Pos}
	args := call.Args
	if p, ok := firstString(args); ok {
		r.path, args = p, args[1:]
	}
	for _, a := range args {
		if sub := b.routerOf(m, a); sub != nil {
			r.mounts = append(r.mounts, sub)
			continue
		}
		r.middleware = append(r.middleware, b.classes.middleware(m, a)...)
	}
	o.regs = append(o.regs, r)
}

func firstString(args []model.Expr) (string, bool) {
	if len(args) == 0 {
		return "", false
	}
	c, ok := args[0].(*model.Const)
	if !ok || c.Kind != model.String {
		return "", false
	}
	return c.Value, true
}

// routerOf returns the router an argument names: a local router, an imported one, or a
// Koa router's router.routes().
func (b *builder) routerOf(m *model.Module, x model.Expr) *object {
	switch x := x.(type) {
	case *model.Ref:
		if o := b.objects[m][x.Name]; o != nil && o.app == nil {
			return o
		}
		if imp, ok := m.Imports[x.Name]; ok && imp.Module != "" {
			return b.exportedRouter(imp, "")
		}
	case *model.Member:
		if ref, ok := x.Obj.(*model.Ref); ok {
			if imp, ok := m.Imports[ref.Name]; ok && imp.Module != "" {
				return b.exportedRouter(imp, x.Prop)
			}
		}
	case *model.Call:
		if member, ok := x.Callee.(*model.Member); ok && member.Prop == "routes" {
			return b.routerOf(m, member.Obj)
		}
	}
	return nil
}

// exportedRouter finds the router another module exports under an import's name.
func (b *builder) exportedRouter(imp model.Import, member string) *object {
	target := b.modules[imp.Module]
	if target == nil {
		return nil
	}
	ex, ok := target.Exports[imp.ExportName(member)]
	if !ok || ex.Local == "" {
		return nil
	}
	if o := b.objects[target][ex.Local]; o != nil && o.app == nil {
		return o
	}
	return nil
}
