package model

import (
	"fmt"
	"maps"
	"slices"

	"github.com/rampart-sec/rampart/internal/wire"
)

// codecVersion changes whenever the encoding does, so that old encodings are refused
// rather than misread.
const codecVersion = 1

// Expression tags of the encoding; 0 is a nil expression.
const (
	tagNil = iota
	tagConst
	tagRef
	tagThis
	tagMember
	tagCall
	tagConcat
	tagOp
	tagChoice
	tagObject
	tagArray
	tagSpread
	tagClosure
	tagUnknown
	// tagShared refers back to an expression already encoded, so that an expression the
	// frontend put in two places is still one value after decoding.
	tagShared
)

// Statement and target tags.
const (
	tagAssign = iota + 1
	tagEval
	tagReturn
	tagGuard
)

const (
	tagVar = iota + 1
	tagMemberTarget
	tagPattern
)

// EncodeModule appends a binary encoding of m to b, for a cache of lowered files. Every
// function m refers to must be in m.Funcs and every class in m.Classes, as the frontends
// build them; an error says which is not.
func EncodeModule(b []byte, m *Module) ([]byte, error) {
	w := wire.NewWriter(b)
	if err := writeModule(w, m); err != nil {
		return b, err
	}
	return w.Buf, nil
}

// writeModule writes m to w, as part of a larger encoding.
func writeModule(w *wire.Writer, m *Module) error {
	e := &encoder{
		Writer: w,
		exprs:  make(map[Expr]int),
		funcs:  make(map[*Func]int, len(m.Funcs)),
	}
	for i, fn := range m.Funcs {
		e.funcs[fn] = i
	}
	classNames := slices.Sorted(maps.Keys(m.Classes))
	e.classes = make(map[*Class]int, len(classNames))
	for i, name := range classNames {
		e.classes[m.Classes[name]] = i
	}

	e.Uint(codecVersion)
	e.Str(m.Path)
	e.Str(m.Language)
	e.Uint(uint64(len(m.Funcs)))
	e.Uint(uint64(len(classNames)))
	for _, name := range classNames {
		e.class(name, m.Classes[name])
	}
	for _, fn := range m.Funcs {
		e.function(fn)
	}
	e.imports(m)
	e.exports(m)
	return e.err
}

type encoder struct {
	*wire.Writer
	exprs   map[Expr]int
	funcs   map[*Func]int
	classes map[*Class]int
	err     error
}

// ref writes the index of a function or class, or 0 for none.
func (e *encoder) ref(i int, ok bool, what string) {
	if !ok {
		e.fail("%s outside the module", what)
	}
	e.Uint(uint64(i) + 1)
}

func (e *encoder) fail(format string, args ...any) {
	if e.err == nil {
		e.err = fmt.Errorf("encode module: "+format, args...)
	}
}

func (e *encoder) funcRef(fn *Func) {
	if fn == nil {
		e.Uint(0)
		return
	}
	i, ok := e.funcs[fn]
	e.ref(i, ok, "function "+fn.Name)
}

func (e *encoder) classRef(c *Class) {
	if c == nil {
		e.Uint(0)
		return
	}
	i, ok := e.classes[c]
	e.ref(i, ok, "class "+c.Name)
}

func (e *encoder) pos(p Pos) {
	e.Str(p.File)
	e.Int(int64(p.Line))
	e.Int(int64(p.Column))
	e.Int(int64(p.EndLine))
	e.Int(int64(p.EndColumn))
	e.Str(p.Text)
}

func (e *encoder) annotations(as []Annotation) {
	e.Uint(uint64(len(as)))
	for _, a := range as {
		e.Str(a.Name)
		e.Uint(uint64(len(a.Args)))
		for _, s := range a.Args {
			e.Str(s)
		}
	}
}

func (e *encoder) class(name string, c *Class) {
	e.Str(name)
	e.Str(c.Name)
	e.Bool(c.Validated)
	e.annotations(c.Annotations)
	e.expr(c.Super)
	methods := slices.Sorted(maps.Keys(c.Methods))
	e.Uint(uint64(len(methods)))
	for _, m := range methods {
		e.Str(m)
		e.funcRef(c.Methods[m])
	}
}

func (e *encoder) function(fn *Func) {
	e.Str(fn.Name)
	e.classRef(fn.Class)
	e.funcRef(fn.Parent)
	e.Uint(uint64(len(fn.Params)))
	for _, p := range fn.Params {
		e.Str(p.Name)
		e.annotations(p.Annotations)
		e.Bool(p.Rest)
		e.Str(p.Type)
	}
	e.pos(fn.Pos)
	e.Str(fn.Route)
	e.annotations(fn.Annotations)
	e.Uint(uint64(len(fn.Body)))
	for _, s := range fn.Body {
		e.stmt(s)
	}
}

func (e *encoder) importValue(imp Import) {
	e.Str(imp.Spec)
	e.Str(imp.Module)
	e.Str(imp.Name)
}

func (e *encoder) imports(m *Module) {
	names := slices.Sorted(maps.Keys(m.Imports))
	e.Uint(uint64(len(names)))
	for _, n := range names {
		e.Str(n)
		e.importValue(m.Imports[n])
	}
	e.Uint(uint64(len(m.ReExports)))
	for _, imp := range m.ReExports {
		e.importValue(imp)
	}
}

func (e *encoder) exports(m *Module) {
	names := slices.Sorted(maps.Keys(m.Exports))
	e.Uint(uint64(len(names)))
	for _, n := range names {
		x := m.Exports[n]
		e.Str(n)
		e.funcRef(x.Func)
		e.Str(x.Local)
		e.Bool(x.From != nil)
		if x.From != nil {
			e.importValue(*x.From)
		}
		e.pos(x.Pos)
	}
}

func (e *encoder) stmt(s Stmt) {
	switch s := s.(type) {
	case *Assign:
		e.Uint(tagAssign)
		e.target(s.To)
		e.expr(s.Value)
		e.pos(s.Pos)
	case *Eval:
		e.Uint(tagEval)
		e.expr(s.X)
	case *Return:
		e.Uint(tagReturn)
		e.expr(s.X)
		e.pos(s.Pos)
	case *Guard:
		e.Uint(tagGuard)
		e.Str(s.Var)
		e.Str(s.Kind)
		e.pos(s.Pos)
	default:
		e.fail("statement of type %T", s)
	}
}

func (e *encoder) target(t Target) {
	switch t := t.(type) {
	case nil:
		e.Uint(0)
	case *VarTarget:
		e.Uint(tagVar)
		e.Str(t.Name)
	case *MemberTarget:
		e.Uint(tagMemberTarget)
		e.expr(t.Obj)
		e.Str(t.Prop)
	case *PatternTarget:
		e.Uint(tagPattern)
		e.Uint(uint64(len(t.Fields)))
		for _, f := range t.Fields {
			e.Str(f.Key)
			e.Int(int64(f.Index))
			e.target(f.Target)
			e.expr(f.Default)
		}
		e.target(t.Rest)
	default:
		e.fail("target of type %T", t)
	}
}

func (e *encoder) list(xs []Expr) {
	e.Uint(uint64(len(xs)))
	for _, x := range xs {
		e.expr(x)
	}
}

func (e *encoder) expr(x Expr) {
	if x == nil {
		e.Uint(tagNil)
		return
	}
	if i, ok := e.exprs[x]; ok {
		e.Uint(tagShared)
		e.Uint(uint64(i))
		return
	}
	e.exprs[x] = len(e.exprs)
	switch x := x.(type) {
	case *Const:
		e.Uint(tagConst)
		e.Uint(uint64(x.Kind))
		e.Str(x.Value)
	case *Ref:
		e.Uint(tagRef)
		e.Str(x.Name)
	case *This:
		e.Uint(tagThis)
	case *Member:
		e.Uint(tagMember)
		e.expr(x.Obj)
		e.Str(x.Prop)
		e.expr(x.Index)
	case *Call:
		e.Uint(tagCall)
		e.expr(x.Callee)
		e.list(x.Args)
		e.Bool(x.New)
		e.Bool(x.Tagged)
	case *Concat:
		e.Uint(tagConcat)
		e.list(x.Parts)
	case *Op:
		e.Uint(tagOp)
		e.Str(x.Op)
		e.list(x.Args)
	case *Choice:
		e.Uint(tagChoice)
		e.list(x.Alts)
	case *Object:
		e.Uint(tagObject)
		e.Uint(uint64(len(x.Props)))
		for _, p := range x.Props {
			e.Str(p.Key)
			e.expr(p.Value)
			e.Bool(p.Spread)
		}
	case *Array:
		e.Uint(tagArray)
		e.list(x.Elems)
	case *Spread:
		e.Uint(tagSpread)
		e.expr(x.X)
	case *Closure:
		e.Uint(tagClosure)
		e.funcRef(x.Func)
	case *Unknown:
		e.Uint(tagUnknown)
	default:
		e.fail("expression of type %T", x)
		return
	}
	e.pos(x.At())
}
