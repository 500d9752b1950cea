package javascript

import (
	"cmp"
	"slices"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
)

// The session and token checks read code beyond the handlers themselves, since a token is
// often signed or a cookie set in a helper beside the handler. The application model
// names no module of its own, so the code they read is every function of the modules
// that define a route handler or a project middleware.

// maxSessionHops bounds how far a variable is followed to the value assigned to it, and
// how deep a handler's calls into functions of its own module are followed.
const maxSessionHops = 4

// sessionCode is the code the session and token checks read.
type sessionCode struct {
	// handlers are the route handlers and project middleware functions, each once.
	handlers []*model.Func
	// modules are the modules that define them, sorted by path.
	modules []*model.Module
}

// newSessionCode collects the handlers and modules the application model reaches.
func newSessionCode(m *appmodel.Model) *sessionCode {
	s := &sessionCode{}
	seen := make(map[*model.Func]bool)
	add := func(fn *model.Func) {
		if fn != nil && fn.Module != nil && !seen[fn] {
			seen[fn] = true
			s.handlers = append(s.handlers, fn)
		}
	}
	for _, app := range m.Apps {
		for _, mw := range app.Middleware {
			add(mw.Func)
		}
	}
	for _, r := range m.Routes {
		for _, mw := range r.Chain {
			add(mw.Func)
		}
		add(r.HandlerFunc)
	}

	mods := make(map[*model.Module]bool)
	for _, fn := range s.handlers {
		if !mods[fn.Module] {
			mods[fn.Module] = true
			s.modules = append(s.modules, fn.Module)
		}
	}
	slices.SortFunc(s.modules, func(a, b *model.Module) int { return cmp.Compare(a.Path, b.Path) })
	return s
}

// module returns the reached module at path, or nil.
func (s *sessionCode) module(path string) *model.Module {
	for _, mod := range s.modules {
		if mod.Path == path {
			return mod
		}
	}
	return nil
}

// eachCall calls visit for every call in the reached modules, with the function it is in.
func (s *sessionCode) eachCall(visit func(fn *model.Func, call *model.Call)) {
	for _, mod := range s.modules {
		for _, fn := range mod.Funcs {
			eachCallIn([]*model.Func{fn}, visit)
		}
	}
}

// eachCallIn calls visit for every call in the bodies of fns.
func eachCallIn(fns []*model.Func, visit func(fn *model.Func, call *model.Call)) {
	for _, fn := range fns {
		for _, s := range fn.Body {
			model.WalkStmt(s, func(x model.Expr) bool {
				if call, ok := x.(*model.Call); ok {
					visit(fn, call)
				}
				return true
			})
		}
	}
}

// routeReach returns the code that runs for a route: its handler and the project
// middleware of its chain, the closures inside them, and the functions of their own
// modules they call by name, followed a few calls deep.
func routeReach(r *appmodel.Route) []*model.Func {
	var out []*model.Func
	seen := make(map[*model.Func]bool)
	var add func(fn *model.Func, depth int)
	add = func(fn *model.Func, depth int) {
		if fn == nil || fn.Module == nil || seen[fn] || depth > maxSessionHops {
			return
		}
		seen[fn] = true
		own := fn.WithNested()
		out = append(out, own...)
		eachCallIn(own, func(_ *model.Func, call *model.Call) {
			if ref, ok := call.Callee.(*model.Ref); ok {
				add(topFuncNamed(fn.Module, ref.Name), depth+1)
			}
		})
	}
	for _, mw := range r.Chain {
		add(mw.Func, 0)
	}
	add(r.HandlerFunc, 0)
	return out
}

// topFuncNamed returns the top-level function of a module with that name, or nil.
func topFuncNamed(m *model.Module, name string) *model.Func {
	for _, fn := range m.Funcs {
		if fn.Name == name && fn.Class == nil && fn.Parent != nil && fn.Parent == m.Init {
			return fn
		}
	}
	return nil
}

// followAssigned follows a variable read in fn to the value last assigned to it in fn or a
// function enclosing it. It returns any other expression unchanged, and nil for a
// parameter, an import or a variable it cannot see assigned.
func followAssigned(fn *model.Func, x model.Expr) model.Expr {
	for hops := 0; hops < maxSessionHops; hops++ {
		ref, ok := x.(*model.Ref)
		if !ok {
			return x
		}
		x = lastAssigned(fn, ref.Name)
	}
	if _, ok := x.(*model.Ref); ok {
		return nil
	}
	return x
}

// lastAssigned returns the value last assigned to a variable in the nearest function,
// from fn outwards, that declares it, or nil when it is a parameter or unassigned.
func lastAssigned(fn *model.Func, name string) model.Expr {
	for f := fn; f != nil; f = f.Parent {
		for _, p := range f.Params {
			if p.Name == name {
				return nil
			}
		}
		var v model.Expr
		for _, s := range f.Body {
			if a, ok := s.(*model.Assign); ok {
				if t, ok := a.To.(*model.VarTarget); ok && t.Name == name {
					v = a.Value
				}
			}
		}
		if v != nil {
			return v
		}
	}
	return nil
}

// literalProps returns the properties of the object literal x holds, with the properties
// of spread variables in their place. complete is false when x is not a visible object
// or a spread hides some of its properties.
func literalProps(fn *model.Func, x model.Expr) (props []model.Prop, complete bool) {
	return literalPropsAt(fn, x, 0)
}

func literalPropsAt(fn *model.Func, x model.Expr, depth int) ([]model.Prop, bool) {
	obj, ok := followAssigned(fn, x).(*model.Object)
	if !ok || depth > maxSessionHops {
		return nil, false
	}
	var out []model.Prop
	complete := true
	for _, p := range obj.Props {
		if !p.Spread {
			out = append(out, p)
			continue
		}
		inner, ok := literalPropsAt(fn, p.Value, depth+1)
		out = append(out, inner...)
		complete = complete && ok
	}
	return out, complete
}

// lastPropValue returns the value of the last property named key, as JavaScript keeps the
// last of duplicate keys, or nil.
func lastPropValue(props []model.Prop, key string) model.Expr {
	var v model.Expr
	for _, p := range props {
		if p.Key == key {
			v = p.Value
		}
	}
	return v
}

// sessionCallee names what a call calls: its qualified name, or the method name when the
// receiver is not a chain of names (getStore().revoke).
func sessionCallee(m *model.Module, call *model.Call) string {
	if name := m.Qualify(call.Callee); name != "" {
		return name
	}
	if member, ok := call.Callee.(*model.Member); ok {
		return member.Prop
	}
	return ""
}

// isFalseLiteral reports a literal false.
func isFalseLiteral(x model.Expr) bool {
	k, ok := x.(*model.Const)
	return ok && k.Kind == model.Bool && k.Value == "false"
}
