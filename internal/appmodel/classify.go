package appmodel

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/model"
)

// maxValueHops bounds how far a middleware variable is followed to the call that made it.
const maxValueHops = 4

// classifier tells what a middleware does, from its package or from its code.
type classifier struct {
	b    *builder
	seen map[*model.Func][]Kind
}

// middleware describes the middleware an argument registers; an array registers each of
// its elements.
func (c *classifier) middleware(m *model.Module, x model.Expr) []*Middleware {
	if arr, ok := x.(*model.Array); ok {
		var out []*Middleware
		for _, e := range arr.Elems {
			out = append(out, c.middleware(m, e)...)
		}
		return out
	}
	mw := &Middleware{Name: x.At().Text, Pos: x.At()}
	call, fn := c.b.origin(m, x, 0)
	mw.Call, mw.Func = call, fn
	switch {
	case c.b.cat.Named[writtenName(mw.Name)] != nil:
		mw.Kinds = c.b.cat.Named[writtenName(mw.Name)]
	case call != nil:
		mw.Kinds = c.b.packageKinds(m, call)
	case fn != nil:
		mw.Kinds = c.behaviour(fn)
	}
	if call == nil && fn == nil && c.b.authName(mw.Name) {
		// The code is not in view (a package, a parameter): the name is all there is.
		mw.Kinds = []Kind{Auth}
	}
	return []*Middleware{mw}
}

// writtenName returns the name a middleware is written with, without a call:
// "requireRole('admin')" gives "requireRole".
func writtenName(text string) string {
	if i := strings.IndexByte(text, '('); i >= 0 {
		text = text[:i]
	}
	return strings.TrimSpace(text)
}

// origin follows a middleware expression to the call that made it (helmet(),
// rateLimit({...})) or the project function it is (requireAuth).
func (b *builder) origin(m *model.Module, x model.Expr, hops int) (*model.Call, *model.Func) {
	if hops > maxValueHops {
		return nil, nil
	}
	switch x := x.(type) {
	case *model.Call:
		return x, nil
	case *model.Closure:
		return nil, x.Func
	case *model.Ref:
		if v := topLevelValue(m, x.Name); v != nil {
			return b.origin(m, v, hops+1)
		}
	}
	return nil, b.funcOf(m.Path, x)
}

// topLevelValue returns what a module's top level last assigns to a variable.
func topLevelValue(m *model.Module, name string) model.Expr {
	var v model.Expr
	for _, s := range m.Init.Body {
		if a, ok := s.(*model.Assign); ok {
			if t, ok := a.To.(*model.VarTarget); ok && t.Name == name {
				v = a.Value
			}
		}
	}
	return v
}

// packageKinds returns what a middleware made by a package call does. A chain such as
// express-validator's body('email').isEmail() is named by its first call.
func (b *builder) packageKinds(m *model.Module, call *model.Call) []Kind {
	for {
		member, ok := call.Callee.(*model.Member)
		if !ok {
			break
		}
		inner, ok := member.Obj.(*model.Call)
		if !ok {
			break
		}
		call = inner
	}
	name := m.Qualify(call.Callee)
	for n := name; n != ""; n = parentName(n) {
		if kinds, ok := b.cat.Middleware[n]; ok {
			return kinds
		}
	}
	return nil
}

// parentName drops the last dotted part: "passport.authenticate" gives "passport".
func parentName(n string) string {
	i := strings.LastIndexByte(n, '.')
	if i < 0 {
		return ""
	}
	return n[:i]
}

// authName reports whether a middleware's name suggests an auth check.
func (b *builder) authName(name string) bool {
	lower := strings.ToLower(name)
	for _, w := range b.cat.AuthNames {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// funcOf returns the project function an expression names, in the module at path.
func (b *builder) funcOf(path string, x model.Expr) *model.Func {
	m := b.modules[path]
	if m == nil {
		return nil
	}
	switch x := x.(type) {
	case *model.Closure:
		return x.Func
	case *model.Ref:
		if fn := topLevelFunc(m, x.Name); fn != nil {
			return fn
		}
		if imp, ok := m.Imports[x.Name]; ok && imp.Module != "" {
			return b.exportedFunc(imp, "")
		}
	case *model.Member:
		if ref, ok := x.Obj.(*model.Ref); ok {
			if imp, ok := m.Imports[ref.Name]; ok && imp.Module != "" {
				return b.exportedFunc(imp, x.Prop)
			}
		}
	}
	return nil
}

// topLevelFunc returns the module's top-level function of that name, declared or
// assigned.
func topLevelFunc(m *model.Module, name string) *model.Func {
	for _, fn := range m.Funcs {
		if fn.Name == name && fn.Class == nil && (fn.Parent == nil || fn.Parent == m.Init) {
			return fn
		}
	}
	return nil
}

// exportedFunc returns the function another module exports under an import's name.
func (b *builder) exportedFunc(imp model.Import, member string) *model.Func {
	target := b.modules[imp.Module]
	if target == nil {
		return nil
	}
	ex, ok := target.Exports[imp.ExportName(member)]
	switch {
	case !ok:
		return nil
	case ex.Func != nil:
		return ex.Func
	case ex.Local != "":
		return topLevelFunc(target, ex.Local)
	}
	return nil
}
