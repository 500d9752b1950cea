package taint

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/model"
)

// eval returns what an expression may hold, checking the sinks it calls on the way.
func (fr *frame) eval(x model.Expr) *value {
	switch x := x.(type) {
	case nil, *model.Const, *model.Unknown:
		return nil
	case *model.Ref:
		return fr.ref(x)
	case *model.This:
		return fr.e.classFields(fr.fn.Class)
	case *model.Member:
		return fr.member(x)
	case *model.Call:
		return fr.call(x)
	case *model.Concat:
		return fr.dataOf(x.Parts)
	case *model.Op:
		fr.dataOf(x.Args)
		return nil
	case *model.Choice:
		var v *value
		for _, a := range x.Alts {
			v = join(v, fr.eval(a))
		}
		return v
	case *model.Object:
		return fr.object(x)
	case *model.Array:
		return fr.dataOf(x.Elems)
	case *model.Spread:
		return fr.eval(x.X)
	case *model.Closure:
		return &value{fn: x.Func}
	}
	return nil
}

// dataOf evaluates expressions and joins the data they carry, as a string built from
// them or an array holding them does.
func (fr *frame) dataOf(xs []model.Expr) *value {
	acc := &value{}
	for _, x := range xs {
		for _, l := range fr.eval(x).allLabels(0) {
			acc.addLabel(l)
		}
	}
	return acc
}

// ref reads a variable; a name the function does not define may be a function or class
// declared in the module.
func (fr *frame) ref(x *model.Ref) *value {
	fr.reads[x.Name] = true
	_, v := fr.lookup(x.Name)
	if v == nil {
		if fn := fr.e.declaredFunc(fr.fn, x.Name); fn != nil {
			return &value{fn: fn}
		}
		return nil
	}
	if m := fr.guardedFor(x.Name); m != 0 {
		return v.sanitize(m)
	}
	return v
}

func (fr *frame) guardedFor(name string) mask {
	var m mask
	for f := fr; f != nil; f = f.parent {
		m |= f.guarded[name]
	}
	return m
}

// member reads a property: a request field is a source; otherwise the object's data.
func (fr *frame) member(x *model.Member) *value {
	if v := fr.source(x, ""); v != nil {
		return v
	}
	obj := fr.eval(x.Obj)
	if x.Prop == "" {
		fr.eval(x.Index)
		return obj.anyField()
	}
	if x.Prop == "length" {
		return nil // a count carries no text
	}
	return obj.field(x.Prop)
}

// source returns a fresh label when x reads a catalogued request source; suffix is "()"
// when x is the callee of a call (req.get('X-Id')).
func (fr *frame) source(x model.Expr, suffix string) *value {
	if !fr.requestRooted(x) {
		return nil
	}
	for _, p := range fr.paths(x) {
		if len(p) <= len(requestRoot) || p[:len(requestRoot)] != requestRoot {
			continue
		}
		src := fr.e.cat.sourceOf(p + suffix)
		if suffix != "" && !strings.HasSuffix(src, suffix) {
			// req.body.name.trim() is not a source read; req.get('X-Id') is.
			continue
		}
		if src != "" {
			pos := x.At()
			step := Step{Pos: pos, Note: pos.Text + suffix}
			if suffix != "" {
				step.Note = pos.Text
			}
			o := fr.e.origin(nil, -1, step)
			o.in = fr.fn
			o.source, o.whole = src, src == p+suffix
			v := &value{}
			v.addLabel(label{origin: o})
			return v
		}
	}
	return nil
}

// object builds an object literal's value, keeping its properties apart so that one
// untrusted property does not taint the others.
func (fr *frame) object(x *model.Object) *value {
	v := &value{}
	for _, p := range x.Props {
		pv := fr.eval(p.Value)
		switch {
		case p.Spread:
			v.merge(pv, 0)
		case p.Key == "":
			v.merge(pv.dataOnly(), maxDepth)
		case !pv.empty():
			v.mergeField(p.Key, pv, 0)
		}
	}
	return v
}

// requestRooted reports whether a member chain starts at a variable that may hold the
// request: a cheap test that spares building access paths for every other member read.
func (fr *frame) requestRooted(x model.Expr) bool {
	for {
		switch r := x.(type) {
		case *model.Member:
			x = r.Obj
		case *model.Ref:
			if fr.e.cat.request[r.Name] {
				return true
			}
			for f := fr; f != nil; f = f.parent {
				if len(f.roles[r.Name]) > 0 {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}
