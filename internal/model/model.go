// Package model is rampart's language-neutral program model. A language frontend lowers
// each parsed file into a Module of functions whose bodies are assignments, calls and
// returns over a small set of expressions; the data-flow engine reads only this model, so
// it works unchanged for every language that has a frontend.
//
// The model is deliberately flow-insensitive: statement order inside a body is kept, but
// branches and loops are flattened, so that the engine reasons about which values can
// reach which operations, not about paths.
package model

import "slices"

// Pos locates a piece of source: the file relative to the reviewed root, 1-based lines and
// columns, and the source text, cut short for display.
type Pos struct {
	File      string
	Line      int32
	Column    int32
	EndLine   int32
	EndColumn int32
	// Text is the source of the construct on one line, for traces and snippets.
	Text string
}

// Module is one source file.
type Module struct {
	// Path is the file's path relative to the reviewed root, with forward slashes.
	Path     string
	Language string
	// Init holds the code that runs when the module loads (top-level statements).
	Init *Func
	// Funcs lists every function of the module, nested ones and methods included, with
	// Init first.
	Funcs []*Func
	// Imports maps a local name to what it was bound to.
	Imports map[string]Import
	// Exports maps an exported name to what provides it. "default" is the default export
	// (and a CommonJS module's module.exports value).
	Exports map[string]Export
	// ReExports are the modules whose every export this module re-exports
	// (`export * from './x'`).
	ReExports []Import
	// Classes maps a class name to its class.
	Classes map[string]*Class
}

// Import is a name bound to another module or to one of its exports.
type Import struct {
	// Spec is the module as written ("./db", "child_process").
	Spec string
	// Module is the reviewed file Spec resolves to, or "" for a package outside the
	// project. Frontends fill it once every module is known.
	Module string
	// Name is the imported export, "" for the whole module (a namespace import or a
	// require), or "default".
	Name string
}

// Export says where an exported name comes from: a function, a local name (a function,
// class or variable of the module's top level), or another module's export.
type Export struct {
	// Func is the exported function when the frontend knows it (`export function f`,
	// `module.exports = { find(id) { ... } }`).
	Func  *Func
	Local string
	// From is set for re-exports: `export { a } from './x'` and `export * from './x'`.
	From *Import
	Pos  Pos
}

// Class is a class with its methods.
type Class struct {
	Name    string
	Module  *Module
	Methods map[string]*Func
	// Super names the class it extends, as an expression, or nil.
	Super Expr
	// Validated is set when the class's fields carry validation constraints (such as
	// class-validator decorators), so that an instance built from a request has been
	// checked against them.
	Validated bool
	// Annotations are the class's decorators or annotations: @Controller('orders').
	Annotations []Annotation
}

// Func is a function, method, closure or a module's top-level code.
type Func struct {
	Name   string
	Module *Module
	// Class is set for methods.
	Class *Class
	// Parent is the function that lexically encloses this one: the module's Init for
	// top-level functions and methods, nil only for Init. A function reads its parent's
	// variables.
	Parent *Func
	Params []Param
	Body   []Stmt
	Pos    Pos
	// Route is the route a handler serves, such as "GET /orders/:id", when the frontend
	// knows it.
	Route string
	// Annotations are a method's decorators or annotations: @Get(':id'), @UseGuards(...).
	Annotations []Annotation
}

// Param is a function parameter. Destructured parameters get a synthetic name and an
// assignment from it at the start of the body.
type Param struct {
	Name string
	// Annotations are decorators or annotations on the parameter (NestJS's @Body()),
	// and roles the frontend knows, such as "request" for the request parameter of a
	// route handler.
	Annotations []Annotation
	// Rest is set for a rest parameter (...args) that collects the remaining arguments.
	Rest bool
	// Type is the name of the parameter's declared type when it is a plain name, as a
	// DTO class: `dto: CreateUserDto`.
	Type string
}

// Annotation is a decorator, annotation or role: a name and its arguments, literals as
// their value and names (a guard class, a called factory) as written.
type Annotation struct {
	Name string
	Args []string
}

// WithNested returns f and every function nested in it, at any depth, in the module's
// order: the code that runs as part of f (callbacks, closures).
func (f *Func) WithNested() []*Func {
	out := []*Func{f}
	if f.Module == nil {
		return out
	}
	for _, g := range f.Module.Funcs {
		for p := g.Parent; p != nil; p = p.Parent {
			if p == f {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// ExportName returns the name of the export an import refers to when member is read from
// it: `svc.find` through a whole-module import names "find", a default import names
// "default", a named import names itself.
func (imp Import) ExportName(member string) string {
	switch {
	case member != "" && (imp.Name == "" || imp.Name == "default"):
		return member
	case imp.Name == "":
		return "default"
	}
	return imp.Name
}

// ImportSpecs returns every module spec m names, in imports, re-exports and exports
// from other modules, sorted, each once.
func (m *Module) ImportSpecs() []string {
	var specs []string
	for _, imp := range m.Imports {
		specs = append(specs, imp.Spec)
	}
	for _, imp := range m.ReExports {
		specs = append(specs, imp.Spec)
	}
	for _, e := range m.Exports {
		if e.From != nil {
			specs = append(specs, e.From.Spec)
		}
	}
	slices.Sort(specs)
	return slices.Compact(specs)
}
