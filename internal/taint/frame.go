package taint

import (
	"github.com/rampart-sec/rampart/internal/model"
)

// frame is the state of one function's analysis: what each of its variables may hold.
// Variables of enclosing functions are read through parent.
type frame struct {
	e      *engine
	fn     *model.Func
	sum    *summary
	parent *frame
	vars   map[string]*value
	// roles marks variables holding the request ("$request") or the response.
	roles map[string][]string
	// guarded maps a variable to the classes a guard in the body made it safe for.
	guarded map[string]mask
	changed bool
	// reads are the variables read so far in the current pass; again is set when one of
	// them changes after it was read, which is the only case that needs another pass.
	reads map[string]bool
	again bool
}

// newFrame prepares fn's analysis: its parameters carry their own origins, plus what
// annotations and higher-order calls say they receive.
func (e *engine) newFrame(fn *model.Func) *frame {
	fr := &frame{
		e:      e,
		fn:     fn,
		sum:    e.summaries[fn],
		parent: e.parentFrame(fn),
		vars:   make(map[string]*value, len(fn.Params)),
		reads:  make(map[string]bool),
	}
	e.frames[fn] = fr
	for i, p := range fn.Params {
		fr.bindParam(i, p)
	}
	return fr
}

// parentFrame returns the frame whose variables fn can read: its lexical parent's, or
// its module's top level.
func (e *engine) parentFrame(fn *model.Func) *frame {
	parent := fn.Parent
	if parent == nil && fn.Module != nil && fn != fn.Module.Init {
		parent = fn.Module.Init
	}
	if parent == nil {
		return nil
	}
	e.summarize(parent)
	return e.frames[parent]
}

func (fr *frame) bindParam(i int, p model.Param) {
	step := Step{Pos: fr.fn.Pos, Note: p.Name}
	v := &value{}
	v.addLabel(label{origin: fr.e.origin(fr.fn, i, step)})
	if b := fr.e.bindings[fr.fn]; i < len(b) {
		v.merge(b[i], 0)
	}
	for _, a := range p.Annotations {
		fr.annotate(p, a, v)
	}
	fr.vars[p.Name] = v
}

// annotate applies a parameter annotation: a role, or a source the framework injects.
func (fr *frame) annotate(p model.Param, a model.Annotation, v *value) {
	name := p.Name
	switch a.Name {
	case "request":
		fr.addRole(name, requestRoot)
		return
	case "response":
		fr.addRole(name, responseRoot)
		return
	}
	src, ok := fr.e.cat.ParamSources[a.Name]
	if !ok {
		return
	}
	if src == requestRoot {
		fr.addRole(name, requestRoot)
		return
	}
	note := "@" + a.Name + "() " + name
	if a.Name == "message" {
		note = name + " (message from a client)"
	}
	o := fr.e.origin(fr.fn, -1, Step{Pos: fr.fn.Pos, Note: note})
	o.in = fr.fn
	o.source, o.whole = src, len(a.Args) == 0
	var safe mask
	if c := fr.e.classNamed(fr.fn.Module, p.Type); p.Type != "" && c != nil && c.Validated {
		safe = fr.e.cat.validated
	}
	v.addLabel(label{origin: o, sanitized: safe})
}

func (fr *frame) addRole(name, role string) {
	if fr.roles == nil {
		fr.roles = make(map[string][]string)
	}
	fr.roles[name] = append(fr.roles[name], role)
}

// lookup finds the frame that holds a variable, searching enclosing functions.
func (fr *frame) lookup(name string) (*frame, *value) {
	for f := fr; f != nil; f = f.parent {
		if v, ok := f.vars[name]; ok {
			return f, v
		}
	}
	return nil, nil
}

// set merges v into a variable: the innermost one of that name, or a new one here.
func (fr *frame) set(name string, v *value) {
	if v == nil {
		return
	}
	owner, cur := fr.lookup(name)
	if cur == nil {
		owner, cur = fr, &value{}
		fr.vars[name] = cur
	}
	if cur.merge(v, 0) {
		owner.changed = true
		fr.changed = true
		fr.again = fr.again || fr.reads[name]
	}
}

// exec runs statements in order; branches and loops were flattened by the frontend.
func (fr *frame) exec(body []model.Stmt) {
	for _, s := range body {
		switch s := s.(type) {
		case *model.Assign:
			fr.assign(s.To, fr.eval(s.Value), s.Pos)
		case *model.Eval:
			fr.eval(s.X)
		case *model.Return:
			if fr.sum.ret.merge(fr.eval(s.X).stepped(Step{Pos: s.Pos, Note: "return"}), 0) {
				fr.changed = true
			}
		case *model.Guard:
			if m := fr.e.cat.guards[s.Kind]; m&^fr.guarded[s.Var] != 0 {
				if fr.guarded == nil {
					fr.guarded = make(map[string]mask)
				}
				fr.guarded[s.Var] |= m
				fr.changed = true
				fr.again = fr.again || fr.reads[s.Var]
			}
		}
	}
}

// assign stores v into a target, adding a trace step named after the variable.
func (fr *frame) assign(to model.Target, v *value, pos model.Pos) {
	switch t := to.(type) {
	case *model.VarTarget:
		fr.set(t.Name, v.stepped(Step{Pos: pos, Note: t.Name}))
	case *model.MemberTarget:
		fr.assignMember(t, v, pos)
	case *model.PatternTarget:
		for _, f := range t.Fields {
			fv := v.anyField()
			if f.Key != "" {
				fv = v.field(f.Key)
			}
			if f.Default != nil {
				fv = join(fv, fr.eval(f.Default))
			}
			fr.assign(f.Target, fv, pos)
		}
		if t.Rest != nil {
			fr.assign(t.Rest, v.dataOnly(), pos)
		}
	}
}

// assignMember stores into obj.prop: the object's tracked property, or for `this.prop`
// the class's. It is also where assignment sinks (ctx.body = x) are checked.
func (fr *frame) assignMember(t *model.MemberTarget, v *value, pos model.Pos) {
	fr.checkAssignSink(t, v, pos)
	obj := fr.lvalue(t.Obj)
	if obj == nil || v.empty() {
		return
	}
	stepped := v.stepped(Step{Pos: pos, Note: pos.Text})
	var changed bool
	if t.Prop == "" {
		changed = obj.merge(stepped.dataOnly(), maxDepth)
	} else {
		changed = obj.mergeField(t.Prop, stepped, 0)
	}
	if changed {
		fr.changed = true
		fr.again = fr.again || rootRead(fr, t.Obj)
	}
}

// rootRead reports whether the variable at the root of a target was read in this pass;
// writes through `this` always count, since any method may have read the field.
func rootRead(fr *frame, x model.Expr) bool {
	for {
		switch r := x.(type) {
		case *model.Member:
			x = r.Obj
		case *model.Ref:
			return fr.reads[r.Name]
		default:
			return true
		}
	}
}

// lvalue returns the stored value an assignment target's object refers to, creating it
// for a variable seen first here; nil when it cannot be tracked.
func (fr *frame) lvalue(x model.Expr) *value {
	switch x := x.(type) {
	case *model.Ref:
		if _, v := fr.lookup(x.Name); v != nil {
			return v
		}
		v := &value{}
		fr.vars[x.Name] = v
		return v
	case *model.This:
		return fr.e.classFields(fr.fn.Class)
	case *model.Member:
		obj := fr.lvalue(x.Obj)
		if obj == nil || x.Prop == "" {
			return obj
		}
		if obj.fields[x.Prop] == nil {
			obj.mergeField(x.Prop, &value{}, 0)
		}
		return obj.fields[x.Prop]
	}
	return nil
}

// classFields returns the properties that methods store on `this`, shared by all
// instances: flow through a field is followed whichever method wrote it.
func (e *engine) classFields(c *model.Class) *value {
	if c == nil {
		return nil
	}
	v, ok := e.fields[c]
	if !ok {
		v = &value{class: c}
		e.fields[c] = v
		// The constructor sets most fields (this.db = db): analyse it before any method
		// reads them, even when no `new` of the class is in view, as with injection.
		if ctor := c.Methods["constructor"]; ctor != nil {
			e.summarize(ctor)
		}
	}
	return v
}

func join(a, b *value) *value {
	switch {
	case a.empty():
		return b
	case b.empty():
		return a
	}
	out := &value{}
	out.merge(a, 0)
	out.merge(b, 0)
	return out
}
