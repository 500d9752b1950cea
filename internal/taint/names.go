package taint

import (
	"github.com/rampart-sec/rampart/internal/model"
)

// Roots of access paths that stand for the request and response objects.
const (
	requestRoot  = "$request"
	responseRoot = "$response"
)

// maxExportHops bounds how many re-exports are followed to find what a name exports, so
// that modules re-exporting each other cannot loop.
const maxExportHops = 8

// paths returns the access paths an expression is known by: "$request.query.id" for a
// request field, "child_process.exec" for a package export, "db.query" as written.
// Several come back for a variable that plays several roles (Koa's ctx).
func (fr *frame) paths(x model.Expr) []string {
	switch x := x.(type) {
	case *model.Ref:
		return fr.roots(x.Name)
	case *model.This:
		return []string{"this"}
	case *model.Member:
		if x.Prop == "" {
			return nil
		}
		base := fr.paths(x.Obj)
		out := make([]string, len(base))
		for i, b := range base {
			out[i] = b + "." + x.Prop
		}
		return out
	case *model.Call:
		// Response methods return the response: res.status(404).send(...).
		if m, ok := x.Callee.(*model.Member); ok {
			if base := fr.paths(m.Obj); hasRoot(base, responseRoot) {
				return base
			}
		}
	}
	return nil
}

func hasRoot(paths []string, root string) bool {
	for _, p := range paths {
		if p == root || len(p) > len(root) && p[:len(root)] == root && p[len(root)] == '.' {
			return true
		}
	}
	return false
}

// roots names what a variable holds: a request or response role, a package import, or
// the name itself.
func (fr *frame) roots(name string) []string {
	var out []string
	for f := fr; f != nil; f = f.parent {
		out = append(out, f.roles[name]...)
	}
	if imp, ok := fr.fn.Module.Imports[name]; ok && !fr.defines(name) {
		// The name as written also matches, for the entries a project adds for its own
		// wrappers ("cleanHtml", "db.runSql").
		switch {
		case imp.Module != "":
			// A project module: calls resolve through its exports.
		case imp.Name == "" || imp.Name == "default":
			out = append(out, imp.Spec)
		default:
			out = append(out, imp.Spec+"."+imp.Name)
		}
		return append(out, name)
	}
	if len(out) == 0 {
		if fr.e.cat.request[name] {
			out = append(out, requestRoot)
		}
		if fr.e.cat.response[name] {
			out = append(out, responseRoot)
		}
	}
	return append(out, name)
}

// defines reports whether a variable of that name exists in fr or an enclosing frame,
// shadowing imports.
func (fr *frame) defines(name string) bool {
	_, v := fr.lookup(name)
	return v != nil
}

// calleeNames returns every name a sink or sanitizer may be catalogued under: the access
// paths of the callee and, for a method, "*.method".
func (fr *frame) calleeNames(callee model.Expr) []string {
	names := fr.paths(callee)
	if m, ok := callee.(*model.Member); ok && m.Prop != "" {
		names = append(names, "*."+m.Prop)
	}
	return names
}

// resolve finds the project function a call reaches, or nil for code outside the
// project.
func (fr *frame) resolve(callee model.Expr, v *value) *model.Func {
	if v != nil && v.fn != nil {
		return v.fn
	}
	switch x := callee.(type) {
	case *model.Ref:
		if imp, ok := fr.fn.Module.Imports[x.Name]; ok && imp.Module != "" && !fr.defines(x.Name) {
			return fr.e.exportedFunc(imp, "", 0)
		}
	case *model.Member:
		if x.Prop == "" {
			return nil
		}
		if ref, ok := x.Obj.(*model.Ref); ok && !fr.defines(ref.Name) {
			if imp, ok := fr.fn.Module.Imports[ref.Name]; ok && imp.Module != "" {
				return fr.e.exportedFunc(imp, x.Prop, 0)
			}
		}
		if _, ok := x.Obj.(*model.This); ok && fr.fn.Class != nil {
			return fr.e.method(fr.fn.Class, x.Prop, 0)
		}
		if obj := fr.eval(x.Obj); obj != nil && obj.class != nil {
			return fr.e.method(obj.class, x.Prop, 0)
		}
	}
	return nil
}

// exportedFunc returns the function an import names; member is the property read from a
// whole-module or default import (svc.find), or "".
func (e *engine) exportedFunc(imp model.Import, member string, hops int) *model.Func {
	mod := e.modules[imp.Module]
	if mod == nil || hops > maxExportHops {
		return nil
	}
	return e.export(mod, imp.ExportName(member), hops)
}

// export returns the function a module exports under name.
func (e *engine) export(mod *model.Module, name string, hops int) *model.Func {
	if ex, ok := mod.Exports[name]; ok {
		switch {
		case ex.Func != nil:
			return ex.Func
		case ex.From != nil:
			return e.exportedFunc(*ex.From, "", hops+1)
		case ex.Local != "":
			return e.topLevel(mod, ex.Local)
		}
	}
	for _, re := range mod.ReExports {
		if m := e.modules[re.Module]; m != nil && hops < maxExportHops {
			if fn := e.export(m, name, hops+1); fn != nil {
				return fn
			}
		}
	}
	return nil
}

// topLevel returns a module's top-level function of that name, declared or assigned.
func (e *engine) topLevel(mod *model.Module, name string) *model.Func {
	if fn := e.declaredFunc(mod.Init, name); fn != nil {
		return fn
	}
	e.summarize(mod.Init)
	if fr := e.frames[mod.Init]; fr != nil {
		if v := fr.vars[name]; v != nil {
			return v.fn
		}
	}
	return nil
}

// declaredFunc returns the function declared under name that is visible from fn: the
// nearest enclosing scope's, else any of the module's.
func (e *engine) declaredFunc(fn *model.Func, name string) *model.Func {
	if fn == nil {
		return nil
	}
	cands := e.declared[fn.Module][name]
	if len(cands) == 0 {
		return nil
	}
	for scope := fn; scope != nil; scope = scope.Parent {
		for _, c := range cands {
			if c.Parent == scope {
				return c
			}
		}
	}
	return cands[0]
}

// method finds a method on a class or the classes it extends.
func (e *engine) method(c *model.Class, name string, hops int) *model.Func {
	for ; c != nil && hops <= maxExportHops; hops++ {
		if m, ok := c.Methods[name]; ok {
			return m
		}
		c = e.superOf(c)
	}
	return nil
}

func (e *engine) superOf(c *model.Class) *model.Class {
	ref, ok := c.Super.(*model.Ref)
	if !ok {
		return nil
	}
	return e.classNamed(c.Module, ref.Name)
}

// resolveClass finds the class a constructor call names.
func (fr *frame) resolveClass(callee model.Expr) *model.Class {
	if ref, ok := callee.(*model.Ref); ok {
		return fr.e.classNamed(fr.fn.Module, ref.Name)
	}
	return nil
}

// classNamed finds a class by the name it has in mod: its own, or an import of one.
func (e *engine) classNamed(mod *model.Module, name string) *model.Class {
	if c, ok := mod.Classes[name]; ok {
		return c
	}
	imp, ok := mod.Imports[name]
	if !ok || imp.Module == "" {
		return nil
	}
	target := e.modules[imp.Module]
	if target == nil {
		return nil
	}
	exported := imp.Name
	if exported == "" {
		exported = "default"
	}
	if ex, ok := target.Exports[exported]; ok && ex.Local != "" {
		return target.Classes[ex.Local]
	}
	return nil
}
