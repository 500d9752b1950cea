package javascript

import (
	"cmp"
	"slices"
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
)

// The exposure checks (error details, static files, uploads, body sizes, webhooks) look
// at calls wherever a project makes them, not only at registered middleware: a multer
// instance is made once and used on many routes, and a static root registered under a
// path (app.use('/files', express.static('.'))) is in no route's chain.

// maxExposureHops bounds how many variables are followed to the value they hold, and how
// many project functions deep a webhook handler is followed: enough for a helper that
// calls a helper, and short of walking a whole call graph.
const maxExposureHops = 4

// exposureCode is the code of a project that the application model reaches.
type exposureCode struct {
	modules map[string]*model.Module
	// funcs lists every function of those modules, modules by path, then in Funcs order.
	funcs []*model.Func
	calls []calledAt
}

// calledAt is a call with the name of what it calls and the function that makes it; fn
// is nil for a middleware call of a module out of view.
type calledAt struct {
	call *model.Call
	name string
	fn   *model.Func
}

// reachedCode collects the modules, functions and calls of the project, and the
// middleware calls of the application model.
func reachedCode(m *appmodel.Model) *exposureCode {
	code := &exposureCode{modules: make(map[string]*model.Module, len(m.Modules))}
	for _, mod := range m.Modules {
		code.modules[mod.Path] = mod
	}
	mws := allMiddleware(m)
	seen := code.collectCalls()
	for _, mw := range mws {
		if mw.Call != nil && !seen[mw.Call] {
			seen[mw.Call] = true
			name := writtenName(mw.Call.Callee)
			code.calls = append(code.calls, calledAt{call: mw.Call, name: name})
		}
	}
	return code
}

// allMiddleware returns the middleware of every app and route chain, each once.
func allMiddleware(m *appmodel.Model) []*appmodel.Middleware {
	var out []*appmodel.Middleware
	seen := make(map[*appmodel.Middleware]bool)
	add := func(mws []*appmodel.Middleware) {
		for _, mw := range mws {
			if !seen[mw] {
				seen[mw] = true
				out = append(out, mw)
			}
		}
	}
	for _, app := range m.Apps {
		add(app.Middleware)
	}
	for _, r := range m.Routes {
		add(r.Chain)
	}
	return out
}

// collectCalls lists every function and call of the reached modules, and returns the
// calls seen.
func (code *exposureCode) collectCalls() map[*model.Call]bool {
	mods := make([]*model.Module, 0, len(code.modules))
	for _, mod := range code.modules {
		mods = append(mods, mod)
	}
	slices.SortFunc(mods, func(a, b *model.Module) int { return cmp.Compare(a.Path, b.Path) })

	seen := make(map[*model.Call]bool)
	for _, mod := range mods {
		for _, fn := range mod.Funcs {
			code.funcs = append(code.funcs, fn)
			walkBody(fn, func(x model.Expr) bool {
				if call, ok := x.(*model.Call); ok && !seen[call] {
					seen[call] = true
					name := mod.Qualify(call.Callee)
					code.calls = append(code.calls, calledAt{call: call, name: name, fn: fn})
				}
				return true
			})
		}
	}
	return seen
}

// initOf returns the top-level code of a reached module, or nil.
func (code *exposureCode) initOf(path string) *model.Func {
	if mod := code.modules[path]; mod != nil {
		return mod.Init
	}
	return nil
}

// callsTo returns the calls of the named functions, in the order they were collected.
func (code *exposureCode) callsTo(names ...string) []calledAt {
	var out []calledAt
	for _, c := range code.calls {
		if slices.Contains(names, c.name) {
			out = append(out, c)
		}
	}
	return out
}

// nameOf names a callee by its import when fn's module is known, and as written
// otherwise.
func nameOf(fn *model.Func, callee model.Expr) string {
	if fn != nil && fn.Module != nil {
		return fn.Module.Qualify(callee)
	}
	return writtenName(callee)
}

// writtenPackages are the names projects usually give the packages the exposure checks
// know, for calls whose imports are out of view.
var writtenPackages = map[string]string{
	"serveStatic": "serve-static",
	"serveIndex":  "serve-index",
	"bodyParser":  "body-parser",
	"fileUpload":  "express-fileupload",
	"fileupload":  "express-fileupload",
}

// writtenName names a callee as written, with a usual package name put back:
// serveStatic(...) is serve-static.
func writtenName(callee model.Expr) string {
	name := (&model.Module{}).Qualify(callee)
	root, rest, _ := strings.Cut(name, ".")
	if pkg, ok := writtenPackages[root]; ok {
		if rest == "" {
			return pkg
		}
		return pkg + "." + rest
	}
	return name
}

// walkBody calls visit for every expression of fn's body.
func walkBody(fn *model.Func, visit func(model.Expr) bool) {
	for _, s := range fn.Body {
		model.WalkStmt(s, visit)
	}
}

// valueIn follows a variable of fn to the value last assigned to it, in fn or a function
// around it, up to maxExposureHops variables; any other expression is its own value. A
// parameter, or a variable it cannot follow, is returned as it is.
func valueIn(fn *model.Func, x model.Expr) model.Expr {
	for range maxExposureHops {
		ref, ok := x.(*model.Ref)
		if !ok || fn == nil {
			return x
		}
		_, _, v := bindingOf(fn, ref.Name)
		if v == nil {
			return x
		}
		x = v
	}
	return x
}

// bindingOf finds where a name visible in fn is bound: the function whose parameter it
// is, with its index, or the value last assigned to it. A destructured name is bound to
// the member it takes: `const { stack } = err` gives err.stack.
func bindingOf(fn *model.Func, name string) (owner *model.Func, param int, value model.Expr) {
	for f := fn; f != nil; f = f.Parent {
		for i, p := range f.Params {
			if p.Name == name {
				return f, i, nil
			}
		}
		var v model.Expr
		for _, s := range f.Body {
			if a, ok := s.(*model.Assign); ok {
				if bound := boundValue(a.To, a.Value, name); bound != nil {
					v = bound
				}
			}
		}
		if v != nil {
			return f, -1, v
		}
	}
	return nil, -1, nil
}

// boundValue returns what an assignment to `to` binds name to, or nil.
func boundValue(to model.Target, value model.Expr, name string) model.Expr {
	switch t := to.(type) {
	case *model.VarTarget:
		if t.Name == name {
			return value
		}
	case *model.PatternTarget:
		for _, f := range t.Fields {
			if f.Key == "" {
				continue
			}
			member := &model.Member{Obj: value, Prop: f.Key, Pos: value.At()}
			if v := boundValue(f.Target, member, name); v != nil {
				return v
			}
		}
	}
	return nil
}

// callbackFunc returns the function an argument or option names, as seen from fn: a
// function expression, or a top-level function of fn's module.
func callbackFunc(fn *model.Func, x model.Expr) *model.Func {
	switch x := valueIn(fn, x).(type) {
	case *model.Closure:
		return x.Func
	case *model.Ref:
		if fn == nil || fn.Module == nil {
			return nil
		}
		for _, f := range fn.Module.Funcs {
			if f.Name == x.Name && f.Parent == fn.Module.Init && f.Class == nil {
				return f
			}
		}
	}
	return nil
}

// lastName is the last part of a callee: "constructEvent" for
// stripe.webhooks.constructEvent.
func lastName(callee model.Expr) string {
	switch x := callee.(type) {
	case *model.Ref:
		return x.Name
	case *model.Member:
		return x.Prop
	}
	return ""
}

// optionsIn returns the properties of a call's object argument at index i, following a
// variable to its object; ok is false when there is an argument but not a readable
// object, or when a spread may add any property.
func optionsIn(fn *model.Func, call *model.Call, i int) (props []model.Prop, ok bool) {
	if len(call.Args) <= i {
		return nil, true
	}
	obj, isObj := valueIn(fn, call.Args[i]).(*model.Object)
	if !isObj {
		return nil, false
	}
	for _, p := range obj.Props {
		if p.Spread {
			return nil, false
		}
	}
	return obj.Props, true
}

// propNamed returns the value of the property called key, or nil.
func propNamed(props []model.Prop, key string) model.Expr {
	for _, p := range props {
		if p.Key == key {
			return p.Value
		}
	}
	return nil
}

// stringValue returns the text of a string constant.
func stringValue(x model.Expr) (string, bool) {
	c, ok := x.(*model.Const)
	if !ok || c.Kind != model.String {
		return "", false
	}
	return c.Value, true
}
