package model

import (
	"fmt"
	"sort"
	"strings"
)

// Format renders a module as stable, readable text for tests and debugging: a header line,
// then one line per import, export, re-export and class, sorted by name, then every
// function in Funcs order with its body indented below it.
//
// A function is referred to as name#i, i its index in Funcs, and its header names its
// class, parameters and parent: `func Users.find#2(id @Param("id")) in <module>#0`.
// Expressions read like JavaScript: `call f(x)`, `new Pool(cfg)`, `concat("a", b)`,
// `choice(a, b)`, `op!(x)`, `{a: x, ...y}`, `[a, b]`, `closure f#3`, `?` for Unknown.
// Positions are left out, so that tests compare structure.
func Format(m *Module) string {
	if m == nil {
		return "<nil>\n"
	}
	p := &printer{ids: make(map[*Func]int, len(m.Funcs))}
	for i, fn := range m.Funcs {
		p.ids[fn] = i
	}
	fmt.Fprintf(&p.b, "module %s %s\n", m.Path, m.Language)
	p.imports(m)
	p.exports(m)
	for _, r := range m.ReExports {
		p.line("reexport %s", importText(r))
	}
	p.classes(m)
	for _, fn := range m.Funcs {
		p.function(fn)
	}
	return p.b.String()
}

type printer struct {
	b   strings.Builder
	ids map[*Func]int
}

func (p *printer) line(format string, args ...any) {
	fmt.Fprintf(&p.b, format, args...)
	p.b.WriteByte('\n')
}

// ref names a function as name#index, or name#? for one missing from Funcs.
func (p *printer) ref(fn *Func) string {
	if fn == nil {
		return "<nil>"
	}
	if i, ok := p.ids[fn]; ok {
		return fmt.Sprintf("%s#%d", fn.Name, i)
	}
	return fn.Name + "#?"
}

func (p *printer) imports(m *Module) {
	for _, name := range sortedKeys(m.Imports) {
		p.line("import %s = %s", name, importText(m.Imports[name]))
	}
}

// importText renders an import as "spec".name, and where it resolved.
func importText(imp Import) string {
	s := fmt.Sprintf("%q", imp.Spec)
	if imp.Name != "" {
		s += "." + imp.Name
	}
	if imp.Module != "" {
		s += " -> " + imp.Module
	}
	return s
}

func (p *printer) exports(m *Module) {
	for _, name := range sortedKeys(m.Exports) {
		e := m.Exports[name]
		var parts []string
		if e.Local != "" {
			parts = append(parts, "local "+e.Local)
		}
		if e.Func != nil {
			parts = append(parts, "func "+p.ref(e.Func))
		}
		if e.From != nil {
			parts = append(parts, "from "+importText(*e.From))
		}
		if len(parts) == 0 {
			parts = append(parts, "value")
		}
		p.line("export %s = %s", name, strings.Join(parts, ", "))
	}
}

func (p *printer) classes(m *Module) {
	for _, name := range sortedKeys(m.Classes) {
		c := m.Classes[name]
		s := "class " + name
		if c.Super != nil {
			s += " extends " + p.expr(c.Super)
		}
		for i, k := range sortedKeys(c.Methods) {
			sep := " "
			if i == 0 {
				sep = ": "
			}
			s += sep + p.ref(c.Methods[k])
		}
		p.line("%s", s)
	}
}

// function renders a function's header and body.
func (p *printer) function(fn *Func) {
	name := p.ref(fn)
	if fn.Class != nil {
		name = fn.Class.Name + "." + name
	}
	params := make([]string, len(fn.Params))
	for i, prm := range fn.Params {
		params[i] = param(prm)
	}
	head := fmt.Sprintf("func %s(%s)", name, strings.Join(params, ", "))
	if fn.Parent != nil {
		head += " in " + p.ref(fn.Parent)
	}
	p.line("%s", head)
	for _, s := range fn.Body {
		p.line("  %s", p.stmt(s))
	}
}

// param renders `...name @Body @Param("id")`.
func param(prm Param) string {
	s := prm.Name
	if prm.Rest {
		s = "..." + s
	}
	for _, a := range prm.Annotations {
		s += " @" + a.Name
		if len(a.Args) > 0 {
			q := make([]string, len(a.Args))
			for i, arg := range a.Args {
				q[i] = fmt.Sprintf("%q", arg)
			}
			s += "(" + strings.Join(q, ", ") + ")"
		}
	}
	return s
}

func (p *printer) stmt(s Stmt) string {
	switch s := s.(type) {
	case *Assign:
		return p.target(s.To) + " = " + p.expr(s.Value)
	case *Eval:
		return "eval " + p.expr(s.X)
	case *Return:
		return "return " + p.expr(s.X)
	case *Guard:
		return "guard " + s.Var + " " + s.Kind
	case nil:
		return "<nil>"
	}
	return fmt.Sprintf("<%T>", s)
}

// target renders where an assignment stores: `x`, `obj.prop`, `obj[]` for a computed
// member, and patterns `{a, b: c = 1, ...rest}` and `[a, , b]`.
func (p *printer) target(t Target) string {
	switch t := t.(type) {
	case *VarTarget:
		return t.Name
	case *MemberTarget:
		if t.Prop == "" {
			return p.expr(t.Obj) + "[]"
		}
		return p.expr(t.Obj) + "." + t.Prop
	case *PatternTarget:
		return p.pattern(t)
	case nil:
		return "<nil>"
	}
	return fmt.Sprintf("<%T>", t)
}

func (p *printer) pattern(t *PatternTarget) string {
	var parts []string
	object := len(t.Fields) == 0 && t.Rest == nil
	for _, f := range t.Fields {
		s := p.target(f.Target)
		switch v, ok := f.Target.(*VarTarget); {
		case f.Key == "":
			for len(parts) < f.Index {
				parts = append(parts, "")
			}
		case !ok || v.Name != f.Key:
			s = f.Key + ": " + s
			object = true
		default:
			object = true
		}
		if f.Default != nil {
			s += " = " + p.expr(f.Default)
		}
		parts = append(parts, s)
	}
	if t.Rest != nil {
		parts = append(parts, "..."+p.target(t.Rest))
	}
	if object {
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// constText renders a constant: strings quoted with their escapes as written, other
// constants as their value.
func constText(c *Const) string {
	switch {
	case c.Kind == String:
		return `"` + lineEscaper.Replace(c.Value) + `"`
	case c.Kind == Null && c.Value == "":
		return "null"
	}
	return lineEscaper.Replace(c.Value)
}

// lineEscaper keeps each statement on one line.
var lineEscaper = strings.NewReplacer("\n", `\n`, "\r", `\r`)

func (p *printer) expr(x Expr) string {
	switch x := x.(type) {
	case *Const:
		return constText(x)
	case *Ref:
		return x.Name
	case *This:
		return "this"
	case *Member:
		if x.Prop == "" {
			return p.expr(x.Obj) + "[" + p.expr(x.Index) + "]"
		}
		return p.expr(x.Obj) + "." + x.Prop
	case *Call:
		return p.call(x)
	case *Concat:
		return "concat(" + p.exprs(x.Parts) + ")"
	case *Op:
		return opName(x.Op) + "(" + p.exprs(x.Args) + ")"
	case *Choice:
		return "choice(" + p.exprs(x.Alts) + ")"
	}
	return p.value(x)
}

// opName renders an operator as op+ or op!, and a keyword operator as `op typeof`.
func opName(op string) string {
	if op != "" && 'a' <= op[0] && op[0] <= 'z' {
		return "op " + op
	}
	return "op" + op
}

func (p *printer) call(c *Call) string {
	kind := "call"
	switch {
	case c.New:
		kind = "new"
	case c.Tagged:
		kind = "tagged"
	}
	return kind + " " + p.expr(c.Callee) + "(" + p.exprs(c.Args) + ")"
}

func (p *printer) value(x Expr) string {
	switch x := x.(type) {
	case *Object:
		parts := make([]string, len(x.Props))
		for i, prop := range x.Props {
			switch {
			case prop.Spread:
				parts[i] = "..." + p.expr(prop.Value)
			case prop.Key == "":
				parts[i] = "[]: " + p.expr(prop.Value)
			default:
				parts[i] = prop.Key + ": " + p.expr(prop.Value)
			}
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case *Array:
		return "[" + p.exprs(x.Elems) + "]"
	case *Spread:
		return "..." + p.expr(x.X)
	case *Closure:
		return "closure " + p.ref(x.Func)
	case *Unknown:
		return "?"
	case nil:
		return "<nil>"
	}
	return fmt.Sprintf("<%T>", x)
}

func (p *printer) exprs(xs []Expr) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = p.expr(x)
	}
	return strings.Join(parts, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
