package model

import (
	"errors"
	"fmt"
	"maps"
	"slices"
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
	e := &encoder{
		buf:   b,
		strs:  make(map[string]int),
		exprs: make(map[Expr]int),
		funcs: make(map[*Func]int, len(m.Funcs)),
	}
	for i, fn := range m.Funcs {
		e.funcs[fn] = i
	}
	classNames := slices.Sorted(maps.Keys(m.Classes))
	e.classes = make(map[*Class]int, len(classNames))
	for i, name := range classNames {
		e.classes[m.Classes[name]] = i
	}

	e.uint(codecVersion)
	e.str(m.Path)
	e.str(m.Language)
	e.uint(uint64(len(m.Funcs)))
	e.uint(uint64(len(classNames)))
	for _, name := range classNames {
		e.class(name, m.Classes[name])
	}
	for _, fn := range m.Funcs {
		e.function(fn)
	}
	e.imports(m)
	e.exports(m)
	if e.err != nil {
		return b, e.err
	}
	return e.buf, nil
}

type encoder struct {
	buf     []byte
	strs    map[string]int
	exprs   map[Expr]int
	funcs   map[*Func]int
	classes map[*Class]int
	err     error
}

func (e *encoder) uint(v uint64) {
	for v >= 0x80 {
		e.buf = append(e.buf, byte(v)|0x80)
		v >>= 7
	}
	e.buf = append(e.buf, byte(v))
}

// int encodes a signed number in zig-zag form.
func (e *encoder) int(v int64) { e.uint(uint64(v<<1) ^ uint64(v>>63)) }

func (e *encoder) bool(v bool) {
	if v {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}

// str writes a string once and refers back to it afterwards: file names, property
// names and callee texts repeat throughout a module.
func (e *encoder) str(s string) {
	if i, ok := e.strs[s]; ok {
		e.uint(uint64(i) + 1)
		return
	}
	e.strs[s] = len(e.strs)
	e.uint(0)
	e.uint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

// ref writes the index of a function or class, or 0 for none.
func (e *encoder) ref(i int, ok bool, what string) {
	if !ok {
		e.fail("%s outside the module", what)
	}
	e.uint(uint64(i) + 1)
}

func (e *encoder) fail(format string, args ...any) {
	if e.err == nil {
		e.err = fmt.Errorf("encode module: "+format, args...)
	}
}

func (e *encoder) funcRef(fn *Func) {
	if fn == nil {
		e.uint(0)
		return
	}
	i, ok := e.funcs[fn]
	e.ref(i, ok, "function "+fn.Name)
}

func (e *encoder) classRef(c *Class) {
	if c == nil {
		e.uint(0)
		return
	}
	i, ok := e.classes[c]
	e.ref(i, ok, "class "+c.Name)
}

func (e *encoder) pos(p Pos) {
	e.str(p.File)
	e.int(int64(p.Line))
	e.int(int64(p.Column))
	e.int(int64(p.EndLine))
	e.int(int64(p.EndColumn))
	e.str(p.Text)
}

func (e *encoder) annotations(as []Annotation) {
	e.uint(uint64(len(as)))
	for _, a := range as {
		e.str(a.Name)
		e.uint(uint64(len(a.Args)))
		for _, s := range a.Args {
			e.str(s)
		}
	}
}

func (e *encoder) class(name string, c *Class) {
	e.str(name)
	e.str(c.Name)
	e.bool(c.Validated)
	e.annotations(c.Annotations)
	e.expr(c.Super)
	methods := slices.Sorted(maps.Keys(c.Methods))
	e.uint(uint64(len(methods)))
	for _, m := range methods {
		e.str(m)
		e.funcRef(c.Methods[m])
	}
}

func (e *encoder) function(fn *Func) {
	e.str(fn.Name)
	e.classRef(fn.Class)
	e.funcRef(fn.Parent)
	e.uint(uint64(len(fn.Params)))
	for _, p := range fn.Params {
		e.str(p.Name)
		e.annotations(p.Annotations)
		e.bool(p.Rest)
		e.str(p.Type)
	}
	e.pos(fn.Pos)
	e.str(fn.Route)
	e.annotations(fn.Annotations)
	e.uint(uint64(len(fn.Body)))
	for _, s := range fn.Body {
		e.stmt(s)
	}
}

func (e *encoder) importValue(imp Import) {
	e.str(imp.Spec)
	e.str(imp.Module)
	e.str(imp.Name)
}

func (e *encoder) imports(m *Module) {
	names := slices.Sorted(maps.Keys(m.Imports))
	e.uint(uint64(len(names)))
	for _, n := range names {
		e.str(n)
		e.importValue(m.Imports[n])
	}
	e.uint(uint64(len(m.ReExports)))
	for _, imp := range m.ReExports {
		e.importValue(imp)
	}
}

func (e *encoder) exports(m *Module) {
	names := slices.Sorted(maps.Keys(m.Exports))
	e.uint(uint64(len(names)))
	for _, n := range names {
		x := m.Exports[n]
		e.str(n)
		e.funcRef(x.Func)
		e.str(x.Local)
		e.bool(x.From != nil)
		if x.From != nil {
			e.importValue(*x.From)
		}
		e.pos(x.Pos)
	}
}

func (e *encoder) stmt(s Stmt) {
	switch s := s.(type) {
	case *Assign:
		e.uint(tagAssign)
		e.target(s.To)
		e.expr(s.Value)
		e.pos(s.Pos)
	case *Eval:
		e.uint(tagEval)
		e.expr(s.X)
	case *Return:
		e.uint(tagReturn)
		e.expr(s.X)
		e.pos(s.Pos)
	case *Guard:
		e.uint(tagGuard)
		e.str(s.Var)
		e.str(s.Kind)
		e.pos(s.Pos)
	default:
		e.fail("statement of type %T", s)
	}
}

func (e *encoder) target(t Target) {
	switch t := t.(type) {
	case nil:
		e.uint(0)
	case *VarTarget:
		e.uint(tagVar)
		e.str(t.Name)
	case *MemberTarget:
		e.uint(tagMemberTarget)
		e.expr(t.Obj)
		e.str(t.Prop)
	case *PatternTarget:
		e.uint(tagPattern)
		e.uint(uint64(len(t.Fields)))
		for _, f := range t.Fields {
			e.str(f.Key)
			e.int(int64(f.Index))
			e.target(f.Target)
			e.expr(f.Default)
		}
		e.target(t.Rest)
	default:
		e.fail("target of type %T", t)
	}
}

func (e *encoder) list(xs []Expr) {
	e.uint(uint64(len(xs)))
	for _, x := range xs {
		e.expr(x)
	}
}

func (e *encoder) expr(x Expr) {
	if x == nil {
		e.uint(tagNil)
		return
	}
	if i, ok := e.exprs[x]; ok {
		e.uint(tagShared)
		e.uint(uint64(i))
		return
	}
	e.exprs[x] = len(e.exprs)
	switch x := x.(type) {
	case *Const:
		e.uint(tagConst)
		e.uint(uint64(x.Kind))
		e.str(x.Value)
	case *Ref:
		e.uint(tagRef)
		e.str(x.Name)
	case *This:
		e.uint(tagThis)
	case *Member:
		e.uint(tagMember)
		e.expr(x.Obj)
		e.str(x.Prop)
		e.expr(x.Index)
	case *Call:
		e.uint(tagCall)
		e.expr(x.Callee)
		e.list(x.Args)
		e.bool(x.New)
		e.bool(x.Tagged)
	case *Concat:
		e.uint(tagConcat)
		e.list(x.Parts)
	case *Op:
		e.uint(tagOp)
		e.str(x.Op)
		e.list(x.Args)
	case *Choice:
		e.uint(tagChoice)
		e.list(x.Alts)
	case *Object:
		e.uint(tagObject)
		e.uint(uint64(len(x.Props)))
		for _, p := range x.Props {
			e.str(p.Key)
			e.expr(p.Value)
			e.bool(p.Spread)
		}
	case *Array:
		e.uint(tagArray)
		e.list(x.Elems)
	case *Spread:
		e.uint(tagSpread)
		e.expr(x.X)
	case *Closure:
		e.uint(tagClosure)
		e.funcRef(x.Func)
	case *Unknown:
		e.uint(tagUnknown)
	default:
		e.fail("expression of type %T", x)
		return
	}
	e.pos(x.At())
}

// ErrCorrupt is returned for an encoding DecodeModule cannot read.
var ErrCorrupt = errors.New("corrupt module encoding")
