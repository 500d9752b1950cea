package javascript

import (
	"sort"

	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// anonymous names a function or class that has no name of its own and is not assigned to
// a variable, property or export.
const anonymous = "<anonymous>"

// lowerer turns one syntax tree into a model.Module in a single walk: each statement is
// lowered into the body of the function being walked, and a nested function switches that
// function for the length of its body.
type lowerer struct {
	src []byte
	// source is src as a string, which the model's short texts are cut from.
	source string
	rel    string
	mod    *model.Module
	fn     *model.Func

	// checks maps a const name to the guard kind a test against it makes: "allowlist"
	// for a list of constants, "pattern" for an anchored regex; "" once the name is
	// also bound to something else.
	checks map[string]string
	// topFuncs maps the names of top-level functions to their Func, for exports that
	// name them before or after their declaration.
	topFuncs map[string]*model.Func
}

// Lower lowers one parsed file into a model.Module whose Path is rel.
//
// Every function but Init has Parent set to the function that lexically encloses it, and
// top-level functions, methods and closures have Init as their Parent, since they read
// the module's top-level variables. A function's Name is its own name, else the variable,
// property or export it is assigned to ("default" for default exports and for
// module.exports), else "<anonymous>"; classes are named the same way.
//
// Function and class declarations bind no variable: a name resolves to the Func of that
// name whose Parent encloses the use, or to Classes. Requires bind Imports wherever they
// are written. A default export of an expression that is neither a name, a function nor
// a class is lowered as an assignment to a top-level variable named "default", which
// Exports["default"].Local names.
func Lower(rel, language string, f *syntax.File) *model.Module {
	m := &model.Module{
		Path:     rel,
		Language: language,
		Imports:  make(map[string]model.Import),
		Exports:  make(map[string]model.Export),
		Classes:  make(map[string]*model.Class),
	}
	m.Init = &model.Func{Name: "<module>", Module: m}
	m.Funcs = []*model.Func{m.Init}
	if f == nil || f.Root == nil {
		return m
	}

	l := &lowerer{
		src:      f.Source,
		source:   string(f.Source),
		rel:      rel,
		mod:      m,
		fn:       m.Init,
		checks:   make(map[string]string),
		topFuncs: make(map[string]*model.Func),
	}
	m.Init.Pos = l.pos(f.Root)
	l.scanTopLevelChecks(f.Root)
	l.stmts(f.Root)
	l.finish()
	return m
}

// finish puts Funcs in source order, Init first, and gives exports of top-level function
// names their Func, which is only known once the whole file is read.
func (l *lowerer) finish() {
	funcs := l.mod.Funcs[1:]
	sort.SliceStable(funcs, func(i, j int) bool {
		a, b := funcs[i].Pos, funcs[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
	})

	for name, e := range l.mod.Exports {
		if fn := l.topFuncs[e.Local]; e.Func == nil && e.Local != "" && fn != nil {
			e.Func = fn
			l.mod.Exports[name] = e
		}
	}
}

// text returns n's source, sharing the file's text rather than copying it.
func (l *lowerer) text(n *syntax.Node) string {
	if n == nil || int(n.EndByte) > len(l.source) || n.StartByte > n.EndByte {
		return ""
	}
	return l.source[n.StartByte:n.EndByte]
}

// emit appends a statement to the body of the function being lowered.
func (l *lowerer) emit(s model.Stmt) { l.fn.Body = append(l.fn.Body, s) }

// inFunc runs lower with fn as the function that receives statements.
func (l *lowerer) inFunc(fn *model.Func, lower func()) {
	outer := l.fn
	l.fn = fn
	lower()
	l.fn = outer
}

// newFunc creates a function nested in the one being lowered and adds it to the module.
func (l *lowerer) newFunc(n *syntax.Node, name string) *model.Func {
	fn := &model.Func{Name: name, Module: l.mod, Parent: l.fn, Pos: l.pos(n)}
	l.mod.Funcs = append(l.mod.Funcs, fn)
	return fn
}

// kids returns the named children of n that are not comments: the operands, elements or
// statements it holds.
func kids(n *syntax.Node) []*syntax.Node {
	if n == nil {
		return nil
	}
	out := make([]*syntax.Node, 0, len(n.Children))
	for _, c := range n.Children {
		if c.Named && c.Kind != "comment" {
			out = append(out, c)
		}
	}
	return out
}

// firstKid returns the first named child of n that is not a comment, or nil.
func firstKid(n *syntax.Node) *syntax.Node {
	if n == nil {
		return nil
	}
	for _, c := range n.Children {
		if c.Named && c.Kind != "comment" {
			return c
		}
	}
	return nil
}
