package model

import (
	"github.com/rampart-sec/rampart/internal/wire"
)

// maxDecodeDepth bounds the nesting of expressions a decoding follows, so that a damaged
// encoding cannot recurse without end. Lowered code nests far less.
const maxDecodeDepth = 1 << 16

// ErrCorrupt is wrapped by the error of a damaged encoding.
var ErrCorrupt = wire.ErrCorrupt

// DecodeModule reads a module that EncodeModule wrote. Any damage gives an error
// wrapping ErrCorrupt, never a panic.
func DecodeModule(data []byte) (*Module, error) {
	r := wire.NewReader(data)
	m := readModule(r)
	if err := r.Done(); err != nil {
		return nil, err
	}
	return m, nil
}

// readModule reads a module writeModule wrote; on damage it returns nil and r.Err says
// why.
func readModule(r *wire.Reader) *Module {
	d := &decoder{Reader: r}
	m := d.module()
	if r.Err() != nil {
		return nil
	}
	return m
}

type decoder struct {
	*wire.Reader
	exprs []Expr
	funcs []*Func
	class []*Class
	depth int
}

func (d *decoder) funcRef() *Func {
	i := d.Uint()
	if i == 0 {
		return nil
	}
	if i > uint64(len(d.funcs)) {
		d.Fail("function %d of %d", i, len(d.funcs))
		return nil
	}
	return d.funcs[i-1]
}

func (d *decoder) classRef() *Class {
	i := d.Uint()
	if i == 0 {
		return nil
	}
	if i > uint64(len(d.class)) {
		d.Fail("class %d of %d", i, len(d.class))
		return nil
	}
	return d.class[i-1]
}

func (d *decoder) module() *Module {
	if v := d.Uint(); v != codecVersion {
		d.Fail("version %d, want %d", v, codecVersion)
		return nil
	}
	m := &Module{
		Path:     d.Str(),
		Language: d.Str(),
		Imports:  make(map[string]Import),
		Exports:  make(map[string]Export),
		Classes:  make(map[string]*Class),
	}
	nFuncs, nClasses := d.Count(), d.Count()
	if nFuncs == 0 {
		d.Fail("no module function")
	}
	if d.Err() != nil {
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
	n := d.Count()
	if n == 0 {
		return nil
	}
	as := make([]Annotation, n)
	for i := range as {
		as[i].Name = d.Str()
		if k := d.Count(); k > 0 {
			as[i].Args = make([]string, k)
			for j := range as[i].Args {
				as[i].Args[j] = d.Str()
			}
		}
	}
	return as
}

func (d *decoder) classBody(m *Module, c *Class) {
	name := d.Str()
	if _, dup := m.Classes[name]; dup {
		d.Fail("class %q twice", name)
		return
	}
	m.Classes[name] = c
	c.Name = d.Str()
	c.Validated = d.Bool()
	c.Annotations = d.annotations()
	c.Super = d.expr()
	n := d.Count()
	c.Methods = make(map[string]*Func, n)
	for range n {
		method := d.Str()
		c.Methods[method] = d.funcRef()
	}
}

func (d *decoder) function(fn *Func) {
	fn.Name = d.Str()
	fn.Class = d.classRef()
	fn.Parent = d.funcRef()
	if n := d.Count(); n > 0 {
		fn.Params = make([]Param, n)
		for i := range fn.Params {
			p := &fn.Params[i]
			p.Name = d.Str()
			p.Annotations = d.annotations()
			p.Rest = d.Bool()
			p.Type = d.Str()
		}
	}
	fn.Pos = d.pos()
	fn.Route = d.Str()
	fn.Annotations = d.annotations()
	if n := d.Count(); n > 0 {
		fn.Body = make([]Stmt, 0, n)
		for range n {
			if s := d.stmt(); s != nil {
				fn.Body = append(fn.Body, s)
			}
		}
	}
}

func (d *decoder) importValue() Import {
	return Import{Spec: d.Str(), Module: d.Str(), Name: d.Str()}
}

func (d *decoder) imports(m *Module) {
	for range d.Count() {
		name := d.Str()
		m.Imports[name] = d.importValue()
	}
	if n := d.Count(); n > 0 {
		m.ReExports = make([]Import, n)
		for i := range m.ReExports {
			m.ReExports[i] = d.importValue()
		}
	}
}

func (d *decoder) exports(m *Module) {
	for range d.Count() {
		name := d.Str()
		x := Export{Func: d.funcRef(), Local: d.Str()}
		if d.Bool() {
			from := d.importValue()
			x.From = &from
		}
		x.Pos = d.pos()
		m.Exports[name] = x
	}
}

func (d *decoder) pos() Pos {
	return Pos{File: d.Str(), Line: d.Int32(), Column: d.Int32(), EndLine: d.Int32(),
		EndColumn: d.Int32(), Text: d.Str()}
}

func (d *decoder) stmt() Stmt {
	switch tag := d.Uint(); tag {
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
		return &Guard{Var: d.Str(), Kind: d.Str(), Pos: d.pos()}
	default:
		d.Fail("statement tag %d", tag)
		return nil
	}
}

func (d *decoder) target() Target {
	if !d.enter() {
		return nil
	}
	defer d.leave()
	switch tag := d.Uint(); tag {
	case 0:
		return nil
	case tagVar:
		return &VarTarget{Name: d.Str()}
	case tagMemberTarget:
		t := &MemberTarget{Obj: d.expr()}
		t.Prop = d.Str()
		return t
	case tagPattern:
		t := &PatternTarget{}
		if n := d.Count(); n > 0 {
			t.Fields = make([]PatternField, n)
			for i := range t.Fields {
				f := &t.Fields[i]
				f.Key = d.Str()
				f.Index = int(d.Int32())
				f.Target = d.target()
				f.Default = d.expr()
			}
		}
		t.Rest = d.target()
		return t
	default:
		d.Fail("target tag %d", tag)
		return nil
	}
}

// enter counts one more level of nesting, and refuses past maxDecodeDepth.
func (d *decoder) enter() bool {
	d.depth++
	if d.depth > maxDecodeDepth {
		d.Fail("nested too deep")
	}
	return d.Err() == nil
}

func (d *decoder) leave() { d.depth-- }

func (d *decoder) exprList() []Expr {
	n := d.Count()
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
	tag := d.Uint()
	switch tag {
	case tagNil:
		return nil
	case tagShared:
		i := d.Uint()
		if i >= uint64(len(d.exprs)) {
			d.Fail("shared expression %d of %d", i, len(d.exprs))
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
		x := &Const{Kind: ConstKind(d.Uint()), Value: d.Str()}
		return x, &x.Pos
	case tagRef:
		x := &Ref{Name: d.Str()}
		return x, &x.Pos
	case tagThis:
		x := &This{}
		return x, &x.Pos
	case tagMember:
		x := &Member{Obj: d.expr()}
		x.Prop = d.Str()
		x.Index = d.expr()
		return x, &x.Pos
	case tagCall:
		x := &Call{Callee: d.expr()}
		x.Args = d.exprList()
		x.New = d.Bool()
		x.Tagged = d.Bool()
		return x, &x.Pos
	case tagConcat:
		x := &Concat{Parts: d.exprList()}
		return x, &x.Pos
	case tagOp:
		x := &Op{Op: d.Str()}
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
	d.Fail("expression tag %d", tag)
	return nil, nil
}

func (d *decoder) object() (Expr, *Pos) {
	x := &Object{}
	if n := d.Count(); n > 0 {
		x.Props = make([]Prop, n)
		for i := range x.Props {
			p := &x.Props[i]
			p.Key = d.Str()
			p.Value = d.expr()
			p.Spread = d.Bool()
		}
	}
	return x, &x.Pos
}
