package taint

import (
	"github.com/rampart-sec/rampart/internal/model"
)

// Bounds that keep the analysis linear on hostile or generated code; each is far above
// what hand-written backends need.
const (
	// maxLabels is how many distinct origins a value keeps; more add nothing a reviewer
	// needs, since one trace per finding is shown.
	maxLabels = 4
	// maxTrace is how many steps a trace keeps between its source and its sink.
	maxTrace = 16
	// maxFields is how many properties of one object are tracked separately.
	maxFields = 32
	// maxDepth bounds nesting of tracked properties (a.b.c).
	maxDepth = 3
)

// Step is one hop of a trace: where the data was and what held it.
type Step struct {
	Pos  model.Pos
	Note string
}

// origin is where untrusted data entered: a request read (param < 0), or a parameter of
// the function fn, whose summary records where the parameter's data goes.
type origin struct {
	step  Step
	param int
	fn    *model.Func
	// source is the catalogued source the data came from ("$request.body"), and whole is
	// set when the whole source object was read, not one of its fields.
	source string
	whole  bool
	// in is the function where the data entered, for a source.
	in *model.Func
}

// label is one origin of a value together with how it got here.
type label struct {
	origin    *origin
	sanitized mask
	trace     []Step
	// part is set once a property was read from the origin's value: req.body.name, or a
	// field destructured from req.body, is no longer the whole body.
	part bool
}

func (l label) same(m label) bool {
	return l.origin == m.origin && l.sanitized == m.sanitized && l.part == m.part
}

// withStep returns l with a step appended, keeping the trace bounded.
func (l label) withStep(s Step) label {
	if len(l.trace) >= maxTrace {
		return l
	}
	trace := make([]Step, len(l.trace), len(l.trace)+1)
	copy(trace, l.trace)
	l.trace = append(trace, s)
	return l
}

// value is what the analysis knows about an expression: the untrusted origins of its
// data, what is known of its properties, and, for objects and functions the program
// defines, which class or function it is.
type value struct {
	labels []label
	fields map[string]*value
	class  *model.Class
	fn     *model.Func
}

// empty reports whether v carries no data and no identity.
func (v *value) empty() bool {
	return v == nil || len(v.labels) == 0 && len(v.fields) == 0 && v.class == nil && v.fn == nil
}

// addLabel adds l unless an equal label is there or v is full; it reports a change.
func (v *value) addLabel(l label) bool {
	for _, m := range v.labels {
		if m.same(l) {
			return false
		}
	}
	if len(v.labels) >= maxLabels {
		return false
	}
	v.labels = append(v.labels, l)
	return true
}

// merge adds what w knows into v, and reports whether v changed.
func (v *value) merge(w *value, depth int) bool {
	if w == nil {
		return false
	}
	changed := false
	for _, l := range w.labels {
		changed = v.addLabel(l) || changed
	}
	if v.class == nil && w.class != nil {
		v.class, changed = w.class, true
	}
	if v.fn == nil && w.fn != nil {
		v.fn, changed = w.fn, true
	}
	if depth >= maxDepth {
		return changed
	}
	for k, f := range w.fields {
		changed = v.mergeField(k, f, depth) || changed
	}
	return changed
}

func (v *value) mergeField(k string, f *value, depth int) bool {
	cur, ok := v.fields[k]
	if !ok {
		if len(v.fields) >= maxFields {
			// Past the bound the property's data joins the whole object's.
			return v.merge(&value{labels: f.allLabels(depth + 1)}, maxDepth)
		}
		if v.fields == nil {
			v.fields = make(map[string]*value)
		}
		cur = &value{}
		v.fields[k] = cur
	}
	return cur.merge(f, depth+1)
}

// field returns the value of property k: what is known of it, plus the data of the
// whole value, since a property of untrusted data is untrusted.
func (v *value) field(k string) *value {
	if v == nil || len(v.labels) == 0 && len(v.fields) == 0 {
		return nil
	}
	f := &value{}
	if known, ok := v.fields[k]; ok {
		f.merge(known, 0)
	}
	for _, l := range v.labels {
		l.part = true
		f.addLabel(l)
	}
	return f
}

// anyField returns the value of a property whose name is not known: any of them.
func (v *value) anyField() *value {
	if !v.hasData() {
		return nil
	}
	f := &value{}
	for _, l := range v.allLabels(0) {
		l.part = true
		f.addLabel(l)
	}
	return f
}

// allLabels returns the labels of v and of everything inside it.
func (v *value) allLabels(depth int) []label {
	if v == nil {
		return nil
	}
	if len(v.fields) == 0 || depth >= maxDepth {
		return v.labels
	}
	acc := &value{labels: append([]label(nil), v.labels...)}
	for _, f := range v.fields {
		for _, l := range f.allLabels(depth + 1) {
			acc.addLabel(l)
		}
	}
	return acc.labels
}

// mapLabels returns a copy of v's data with each label replaced by fn's results; the
// identity (class, function) is kept.
func (v *value) mapLabels(fn func(label) []label, depth int) *value {
	if v == nil {
		return nil
	}
	out := &value{class: v.class, fn: v.fn}
	for _, l := range v.labels {
		for _, m := range fn(l) {
			out.addLabel(m)
		}
	}
	if depth < maxDepth {
		for k, f := range v.fields {
			if g := f.mapLabels(fn, depth+1); !g.empty() {
				if out.fields == nil {
					out.fields = make(map[string]*value)
				}
				out.fields[k] = g
			}
		}
	}
	return out
}

// stepped returns v with a step appended to every label's trace.
func (v *value) stepped(s Step) *value {
	if !v.hasData() {
		return v
	}
	return v.mapLabels(func(l label) []label { return []label{l.withStep(s)} }, 0)
}

// sanitize returns v's data marked safe for the classes in m.
func (v *value) sanitize(m mask) *value {
	return v.mapLabels(func(l label) []label {
		l.sanitized |= m
		return []label{l}
	}, 0)
}

// dataOnly returns v's labels and fields without its identity: what flows out of an
// unknown call that received v.
func (v *value) dataOnly() *value {
	if !v.hasData() {
		return nil
	}
	return &value{labels: v.allLabels(0)}
}

// hasData reports whether v or anything inside it carries a label, without allocating.
func (v *value) hasData() bool {
	if v == nil {
		return false
	}
	if len(v.labels) > 0 {
		return true
	}
	for _, f := range v.fields {
		if f.hasData() {
			return true
		}
	}
	return false
}
