package appmodel

import (
	"cmp"
	"slices"
	"strings"

	"github.com/rampart-sec/rampart/internal/model"
)

// findControllers turns the NestJS controllers of a module into router objects: the
// controller's path is the prefix, each decorated method a route, and the guards of the
// class and of the method its middleware.
func (b *builder) findControllers(m *model.Module) []*object {
	nest := b.cat.Nest
	var out []*object
	for _, cls := range sortedClasses(m) {
		ctrl, ok := annotation(cls.Annotations, nest.Controllers)
		if !ok {
			continue
		}
		o := &object{name: cls.Name, module: m, pos: classPos(cls)}
		if len(ctrl.Args) > 0 {
			o.prefix = "/" + strings.Trim(ctrl.Args[0], "/")
		}
		classMW := b.decoratorMiddleware(cls.Annotations, o.pos)
		for _, fn := range sortedMethods(cls) {
			b.addNestRoute(o, fn, classMW)
		}
		out = append(out, o)
	}
	return out
}

func (b *builder) addNestRoute(o *object, fn *model.Func, classMW []*Middleware) {
	for _, a := range fn.Annotations {
		method, ok := b.cat.Nest.Routes[a.Name]
		if !ok {
			continue
		}
		path := ""
		if len(a.Args) > 0 {
			path = a.Args[0]
		}
		at := fn.Pos
		at.Text = fn.Class.Name + "." + fn.Name
		o.regs = append(o.regs, registration{
			method:     method,
			path:       path,
			middleware: append(slices.Clone(classMW), b.decoratorMiddleware(fn.Annotations, fn.Pos)...),
			handler:    &model.Closure{Func: fn, Pos: at},
			pos:        fn.Pos,
		})
		return
	}
}

// decoratorMiddleware returns what guards and decorators such as @Roles and @Throttle do,
// as middleware.
func (b *builder) decoratorMiddleware(anns []model.Annotation, at model.Pos) []*Middleware {
	var out []*Middleware
	for _, a := range anns {
		if slices.Contains(b.cat.Nest.Guards, a.Name) {
			for _, g := range a.Args {
				out = append(out, &Middleware{Name: a.Name + "(" + g + ")", Pos: at,
					Kinds: b.guardKinds(g)})
			}
			continue
		}
		if kinds, ok := b.cat.Nest.Kinds[a.Name]; ok {
			out = append(out, &Middleware{Name: "@" + a.Name, Pos: at, Kinds: kinds})
		}
	}
	return out
}

// guardKinds tells what a guard does, by its name when the catalog does not know it.
func (b *builder) guardKinds(name string) []Kind {
	if kinds, ok := b.cat.Nest.Kinds[name]; ok {
		return kinds
	}
	lower := strings.ToLower(name)
	switch {
	case strings.Contains(lower, "role") || strings.Contains(lower, "admin") ||
		strings.Contains(lower, "permission"):
		return []Kind{Auth, Role}
	case strings.Contains(lower, "throttl"):
		return []Kind{Limiter}
	case b.authName(name):
		return []Kind{Auth}
	}
	return nil
}

func annotation(anns []model.Annotation, names []string) (model.Annotation, bool) {
	for _, a := range anns {
		if slices.Contains(names, a.Name) {
			return a, true
		}
	}
	return model.Annotation{}, false
}

func sortedClasses(m *model.Module) []*model.Class {
	out := make([]*model.Class, 0, len(m.Classes))
	for _, c := range m.Classes {
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y *model.Class) int { return cmp.Compare(x.Name, y.Name) })
	return out
}

func sortedMethods(c *model.Class) []*model.Func {
	out := make([]*model.Func, 0, len(c.Methods))
	for _, fn := range c.Methods {
		out = append(out, fn)
	}
	slices.SortFunc(out, func(x, y *model.Func) int { return cmp.Compare(x.Pos.Line, y.Pos.Line) })
	return out
}

// classPos locates a class by its first method, the model keeping no position of its own
// for classes.
func classPos(c *model.Class) model.Pos {
	methods := sortedMethods(c)
	if len(methods) == 0 {
		return model.Pos{File: c.Module.Path, Line: 1, Column: 1}
	}
	at := methods[0].Pos
	at.Text = c.Name
	return at
}

// globalPrefix returns the path app.setGlobalPrefix('api') gives every Nest route.
func globalPrefix(app *App) string {
	for _, call := range app.Calls {
		m, ok := call.Callee.(*model.Member)
		if !ok || m.Prop != "setGlobalPrefix" || len(call.Args) == 0 {
			continue
		}
		if c, ok := call.Args[0].(*model.Const); ok {
			return "/" + strings.Trim(c.Value, "/")
		}
	}
	return ""
}
