package model

import (
	"fmt"
	"math"
)

// maxDecodeDepth bounds the nesting of expressions a decoding follows, so that a damaged
// encoding cannot recurse without end. Lowered code nests far less.
const maxDecodeDepth = 1 << 16

// DecodeModule reads a module that EncodeModule wrote. Any damage gives an error
// wrapping ErrCorrupt, never a panic. The module's strings share data's memory.
func DecodeModule(data []byte) (m *Module, err error) {
	d := &decoder{data: string(data)}
	m = d.module()
	if d.err == nil && d.at != len(d.data) {
		d.fail("%d bytes past the end", len(d.data)-d.at)
	}
	if d.err != nil {
		return nil, d.err
	}
	return m, nil
}

type decoder struct {
	data  string
	at    int
	strs  []string
	exprs []Expr
	funcs []*Func
	class []*Class
	depth int
	err   error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: "+format, append([]any{ErrCorrupt}, args...)...)
	}
}

func (d *decoder) uint() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if d.err != nil || d.at >= len(d.data) {
			d.fail("truncated")
			return 0
		}
		c := d.data[d.at]
		d.at++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	d.fail("number too long")
	return 0
}

func (d *decoder) int() int64 {
	u := d.uint()
	return int64(u>>1) ^ -int64(u&1)
}

// int32 reads a signed number that must fit in 32 bits.
func (d *decoder) int32() int32 {
	v := d.int()
	if v < math.MinInt32 || v > math.MaxInt32 {
		d.fail("number out of range")
		return 0
	}
	return int32(v)
}

// count reads a length; each element takes at least one byte, so a length past the
// bytes left is damage, not a reason to allocate.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.data)-d.at) {
		d.fail("length %d past the end", n)
		return 0
	}
	return int(n)
}

func (d *decoder) bool() bool {
	switch d.uint() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail("bad flag")
	return false
}

func (d *decoder) str() string {
	i := d.uint()
	if i > 0 {
		if i > uint64(len(d.strs)) {
			d.fail("string %d not yet defined", i)
			return ""
		}
		return d.strs[i-1]
	}
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := d.data[d.at : d.at+n]
	d.at += n
	d.strs = append(d.strs, s)
	return s
}

func (d *decoder) funcRef() *Func {
	i := d.uint()
	if i == 0 {
		return nil
	}
	if i > uint64(len(d.funcs)) {
		d.fail("function %d of %d", i, len(d.funcs))
		return nil
	}
	return d.funcs[i-1]
}

func (d *decoder) classRef() *Class {
	i := d.uint()
	if i == 0 {
		return nil
	}
	if i > uint64(len(d.class)) {
		d.fail("class %d of %d", i, len(d.class))
		return nil
	}
	return d.class[i-1]
}

func (d *decoder) module() *Module {
	if v := d.uint(); v != codecVersion {
		d.fail("version %d, want %d", v, codecVersion)
		return nil
	}
	m := &Module{
		Path:     d.str(),
		Language: d.str(),
		Imports:  make(map[string]Import),
		Exports:  make(map[string]Export),
		Classes:  make(map[string]*Class),
	}
	nFuncs, nClasses := d.count(), d.count()
	if nFuncs == 0 {
		d.fail("no module function")
	}
	if d.err != nil {
		return nil
	}
	m.Funcs = make([]*Func, nFuncs)
	for i := range m.Funcs {
		m.Funcs[i] = &Func{Module: m}
	}
	m.Init, d.funcs = m.Funcs[0], m.Funcs
	d.class = make([]*Class, nClasses)
	for i := range d.class {
		d.class[i] = &Class{Module: m}
	}

	for _, c := range d.class {
		d.classBody(m, c)
	}
	for _, fn := range m.Funcs {
		d.function(fn)
	}
	d.imports(m)
	d.exports(m)
	return m
}

func (d *decoder) annotations() []Annotation {
	n := d.count()
	if n == 0 {
		return nil
	}
	as := make([]Annotation, n)
	for i := range as {
		as[i].Name = d.str()
		if k := d.count(); k > 0 {
			as[i].Args = make([]string, k)
			for j := range as[i].Args {
				as[i].Args[j] = d.str()
			}
		}
	}
	return as
}

func (d *decoder) classBody(m *Module, c *Class) {
	name := d.str()
	if _, dup := m.Classes[name]; dup {
		d.fail("class %q twice", name)
		return
	}
	m.Classes[name] = c
	c.Name = d.str()
	c.Validated = d.bool()
	c.Annotations = d.annotations()
	c.Super = d.expr()
	n := d.count()
	c.Methods = make(map[string]*Func, n)
	for range n {
		method := d.str()
		c.Methods[method] = d.funcRef()
	}
}

func (d *decoder) function(fn *Func) {
	fn.Name = d.str()
	fn.Class = d.classRef()
	fn.Parent = d.funcRef()
	if n := d.count(); n > 0 {
		fn.Params = make([]Param, n)
		for i := range fn.Params {
			p := &fn.Params[i]
			p.Name = d.str()
			p.Annotations = d.annotations()
			p.Rest = d.bool()
			p.Type = d.str()
		}
	}
	fn.Pos = d.pos()
	fn.Route = d.str()
	fn.Annotations = d.annotations()
	if n := d.count(); n > 0 {
		fn.Body = make([]Stmt, 0, n)
		for range n {
			if s := d.stmt(); s != nil {
				fn.Body = append(fn.Body, s)
			}
		}
	}
}

func (d *decoder) importValue() Import {
	return Import{Spec: d.str(), Module: d.str(), Name: d.str()}
}

func (d *decoder) imports(m *Module) {
	for range d.count() {
		name := d.str()
		m.Imports[name] = d.importValue()
	}
	if n := d.count(); n > 0 {
		m.ReExports = make([]Import, n)
		for i := range m.ReExports {
			m.ReExports[i] = d.importValue()
		}
	}
}

func (d *decoder) exports(m *Module) {
	for range d.count() {
		name := d.str()
		x := Export{Func: d.funcRef(), Local: d.str()}
		if d.bool() {
			from := d.importValue()
			x.From = &from
		}
		x.Pos = d.pos()
		m.Exports[name] = x
	}
}

func (d *decoder) pos() Pos {
	return Pos{File: d.str(), Line: d.int32(), Column: d.int32(), EndLine: d.int32(),
		EndColumn: d.int32(), Text: d.str()}
}

func (d *decoder) stmt() Stmt {
	switch tag := d.uint(); tag {
	case tagAssign:
		s := &Assign{To: d.target()}
		s.Value = d.expr()
		s.Pos = d.pos()
		return s
	case tagEval:
		return &Eval{X: d.expr()}
	case tagReturn:
		s := &Return{X: d.expr()}
		s.Pos = d.pos()
		return s
	case tagGuard:
		return &Guard{Var: d.str(), Kind: d.str(), Pos: d.pos()}
	default:
		d.fail("statement tag %d", tag)
		return nil
	}
}

func (d *decoder) target() Target {
	if !d.enter() {
		return nil
	}
	defer d.leave()
	switch tag := d.uint(); tag {
	case 0:
		return nil
	case tagVar:
		return &VarTarget{Name: d.str()}
	case tagMemberTarget:
		t := &MemberTarget{Obj: d.expr()}
		t.Prop = d.str()
		return t
	case tagPattern:
		t := &PatternTarget{}
		if n := d.count(); n > 0 {
			t.Fields = make([]PatternField, n)
			for i := range t.Fields {
				f := &t.Fields[i]
				f.Key = d.str()
				f.Index = int(d.int32())
				f.Target = d.target()
				f.Default = d.expr()
			}
		}
		t.Rest = d.target()
		return t
	default:
		d.fail("target tag %d", tag)
		return nil
	}
}

// enter counts one more level of nesting, and refuses past maxDecodeDepth.
func (d *decoder) enter() bool {
	d.depth++
	if d.depth > maxDecodeDepth {
		d.fail("nested too deep")
	}
	return d.err == nil
}

func (d *decoder) leave() { d.depth-- }

func (d *decoder) exprList() []Expr {
	n := d.count()
	if n == 0 {
		return nil
	}
	xs := make([]Expr, n)
	for i := range xs {
		xs[i] = d.expr()
	}
	return xs
}

func (d *decoder) expr() Expr {
	if !d.enter() {
		return nil
	}
	defer d.leave()
	tag := d.uint()
	switch tag {
	case tagNil:
		return nil
	case tagShared:
		i := d.uint()
		if i >= uint64(len(d.exprs)) {
			d.fail("shared expression %d of %d", i, len(d.exprs))
			return nil
		}
		return d.exprs[i]
	}

	// The expression is numbered before its parts, as the encoder numbered it.
	slot := len(d.exprs)
	d.exprs = append(d.exprs, nil)
	x, pos := d.exprBody(tag)
	if x == nil {
		return nil
	}
	*pos = d.pos()
	d.exprs[slot] = x
	return x
}

// exprBody reads the fields of an expression of kind tag and returns it with a pointer
// to its Pos, which the encoding holds last.
func (d *decoder) exprBody(tag uint64) (Expr, *Pos) {
	switch tag {
	case tagConst:
		x := &Const{Kind: ConstKind(d.uint()), Value: d.str()}
		return x, &x.Pos
	case tagRef:
		x := &Ref{Name: d.str()}
		return x, &x.Pos
	case tagThis:
		x := &This{}
		return x, &x.Pos
	case tagMember:
		x := &Member{Obj: d.expr()}
		x.Prop = d.str()
		x.Index = d.expr()
		return x, &x.Pos
	case tagCall:
		x := &Call{Callee: d.expr()}
		x.Args = d.exprList()
		x.New = d.bool()
		x.Tagged = d.bool()
		return x, &x.Pos
	case tagConcat:
		x := &Concat{Parts: d.exprList()}
		return x, &x.Pos
	case tagOp:
		x := &Op{Op: d.str()}
		x.Args = d.exprList()
		return x, &x.Pos
	case tagChoice:
		x := &Choice{Alts: d.exprList()}
		return x, &x.Pos
	case tagObject:
		return d.object()
	case tagArray:
		x := &Array{Elems: d.exprList()}
		return x, &x.Pos
	case tagSpread:
		x := &Spread{X: d.expr()}
		return x, &x.Pos
	case tagClosure:
		x := &Closure{Func: d.funcRef()}
		return x, &x.Pos
	case tagUnknown:
		x := &Unknown{}
		return x, &x.Pos
	}
	d.fail("expression tag %d", tag)
	return nil, nil
}

func (d *decoder) object() (Expr, *Pos) {
	x := &Object{}
	if n := d.count(); n > 0 {
		x.Props = make([]Prop, n)
		for i := range x.Props {
			p := &x.Props[i]
			p.Key = d.str()
			p.Value = d.expr()
			p.Spread = d.bool()
		}
	}
	return x, &x.Pos
}
