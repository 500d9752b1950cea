package appmodel

import (
	"cmp"
	"slices"
	"strings"

	"github.com/rampart-sec/rampart/internal/model"
)

// maxMountDepth bounds router nesting, so that routers mounting each other cannot loop.
const maxMountDepth = 16

// object is an application or router variable of a module.
type object struct {
	app    *App // nil for a router
	name   string
	module *model.Module
	pos    model.Pos
	prefix string // a Koa router's own prefix option
	regs   []registration
}

// registration is one call on an object, in statement order: a route, or a use of
// middleware and routers, optionally under a path.
type registration struct {
	method     string // "" for a use
	path       string
	middleware []*Middleware
	mounts     []*object
	handler    model.Expr
	pos        model.Pos
}

// builder holds the state of one Build.
type builder struct {
	cat     *Catalog
	set     map[string]bool // app and router callees
	routes  map[string]bool
	modules map[string]*model.Module
	objects map[*model.Module]map[string]*object
	classes classifier
}

// Build makes the model of the applications in mods.
func Build(mods []*model.Module, cat *Catalog) *Model {
	b := &builder{
		cat:     cat,
		set:     setOf(append(append([]string(nil), cat.Apps...), cat.Routers...)),
		routes:  setOf(cat.RouteMethods),
		modules: make(map[string]*model.Module, len(mods)),
		objects: make(map[*model.Module]map[string]*object, len(mods)),
	}
	b.classes = classifier{b: b, seen: make(map[*model.Func][]Kind)}
	for _, m := range mods {
		b.modules[m.Path] = m
	}
	var controllers []*object
	for _, m := range mods {
		b.objects[m] = b.findObjects(m)
		controllers = append(controllers, b.findControllers(m)...)
	}
	for _, m := range mods {
		b.findRegistrations(m)
	}
	return b.compose(mods, controllers)
}

func setOf(names []string) map[string]bool {
	s := make(map[string]bool, len(names))
	for _, n := range names {
		s[n] = true
	}
	return s
}

// findObjects finds `const app = express()`, `const router = express.Router()` and the
// like, in every function of the module.
func (b *builder) findObjects(m *model.Module) map[string]*object {
	objs := make(map[string]*object)
	for _, fn := range m.Funcs {
		for _, s := range fn.Body {
			a, ok := s.(*model.Assign)
			if !ok {
				continue
			}
			v, ok := a.To.(*model.VarTarget)
			call, isCall := a.Value.(*model.Call)
			if !ok || !isCall {
				continue
			}
			callee := m.Qualify(call.Callee)
			if !b.set[callee] {
				continue
			}
			o := &object{name: v.Name, module: m, pos: a.Pos, prefix: prefixOption(call)}
			if slices.Contains(b.cat.Apps, callee) {
				o.app = &App{Kind: callee, Var: v.Name, Pos: a.Pos, module: m}
			}
			objs[v.Name] = o
		}
	}
	return objs
}

// prefixOption reads a router's { prefix: '/api' } option.
func prefixOption(call *model.Call) string {
	if len(call.Args) == 0 {
		return ""
	}
	obj, ok := call.Args[0].(*model.Object)
	if !ok {
		return ""
	}
	for _, p := range obj.Props {
		if c, ok := p.Value.(*model.Const); ok && p.Key == "prefix" {
			return c.Value
		}
	}
	return ""
}

// compose walks every application from its registrations to its routes, and lists the
// routes of routers no application mounts with their own paths.
func (b *builder) compose(mods []*model.Module, controllers []*object) *Model {
	out := &Model{Modules: mods}
	mounted := make(map[*object]bool)
	for _, m := range mods {
		for _, o := range sortedObjects(b.objects[m]) {
			if o.app == nil {
				continue
			}
			out.Apps = append(out.Apps, o.app)
			out.Routes = append(out.Routes, b.walk(o, o.app, "", nil, mounted, 0)...)
		}
	}
	// NestJS controllers join the application through its modules, not through calls:
	// they belong to the Nest app, under its global prefix and behind its middleware.
	for _, ctrl := range controllers {
		app := nestApp(out.Apps, b.cat.Nest.App)
		var prefix string
		var inherited []*Middleware
		if app != nil {
			prefix, inherited = globalPrefix(app), app.Middleware
		}
		mounted[ctrl] = true
		out.Routes = append(out.Routes, b.walk(ctrl, app, prefix, inherited, mounted, 1)...)
	}
	for _, m := range mods {
		for _, o := range sortedObjects(b.objects[m]) {
			if o.app == nil && !mounted[o] {
				out.Routes = append(out.Routes, b.walk(o, nil, "", nil, mounted, 0)...)
			}
		}
	}
	slices.SortStableFunc(out.Routes, func(x, y *Route) int {
		return cmp.Or(cmp.Compare(x.Pos.File, y.Pos.File), cmp.Compare(x.Pos.Line, y.Pos.Line),
			cmp.Compare(x.Path, y.Path))
	})
	return out
}

// nestApp returns the application NestFactory.create made, or nil.
func nestApp(apps []*App, kind string) *App {
	for _, a := range apps {
		if a.Kind == kind {
			return a
		}
	}
	return nil
}

func sortedObjects(objs map[string]*object) []*object {
	out := make([]*object, 0, len(objs))
	for _, o := range objs {
		out = append(out, o)
	}
	slices.SortFunc(out, func(x, y *object) int { return cmp.Compare(x.pos.Line, y.pos.Line) })
	return out
}

// walk lists the routes of o under prefix, each with the middleware in force before it:
// inherited, then what o registered earlier on a matching path.
func (b *builder) walk(o *object, app *App, prefix string, inherited []*Middleware,
	mounted map[*object]bool, depth int) []*Route {
	if depth > maxMountDepth {
		return nil
	}
	prefix = joinPath(prefix, o.prefix)
	chain := append([]*Middleware(nil), inherited...)
	var routes []*Route
	for _, r := range o.regs {
		full := joinPath(prefix, r.path)
		switch {
		case r.method != "":
			routes = append(routes, b.route(r, app, full, chain))
		case len(r.mounts) > 0:
			for _, sub := range r.mounts {
				mounted[sub] = true
				here := append(append([]*Middleware(nil), chain...), r.middleware...)
				routes = append(routes, b.walk(sub, app, full, here, mounted, depth+1)...)
			}
		case r.path == "" || r.path == "/":
			chain = append(chain, r.middleware...)
			if app != nil && depth == 0 {
				app.Middleware = append(app.Middleware, r.middleware...)
			}
		default:
			// Middleware on a path applies to the routes below it registered later.
			chain = append(chain, scoped(r.middleware, full)...)
		}
	}
	return filterScoped(routes)
}

func (b *builder) route(r registration, app *App, full string, chain []*Middleware) *Route {
	route := &Route{
		Method:  strings.ToUpper(r.method),
		Path:    full,
		Pos:     r.pos,
		Handler: r.handler.At().Text,
		App:     app,
		Chain:   append(append([]*Middleware(nil), chain...), r.middleware...),
	}
	if fn := b.funcOf(r.pos.File, r.handler); fn != nil {
		route.HandlerFunc = fn
	}
	return route
}

// joinPath joins route path pieces with exactly one slash between them.
func joinPath(prefix, path string) string {
	switch {
	case path == "" || path == "/" && prefix != "":
		if prefix == "" {
			return "/"
		}
		return prefix
	case prefix == "":
		return path
	}
	return strings.TrimSuffix(prefix, "/") + "/" + strings.TrimPrefix(path, "/")
}
