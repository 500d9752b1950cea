package taint

import (
	"slices"

	"github.com/rampart-sec/rampart/internal/model"
)

// callbackParam says which parameter of a callback receives the receiver's data for the
// higher-order methods whose callbacks the engine follows: promise.then(v => ...),
// list.map(item => ...), list.reduce((acc, item) => ...).
var callbackParam = map[string]int{
	"then": 0, "map": 0, "forEach": 0, "filter": 0, "find": 0, "some": 0, "every": 0,
	"flatMap": 0, "findLast": 0, "reduce": 1, "reduceRight": 1,
}

// call evaluates a call: a source read, a sanitizer, a sink, a function of the project
// (through its summary) or an unknown function (whose result carries its inputs' data).
func (fr *frame) call(x *model.Call) *value {
	if v := fr.source(x.Callee, "()"); v != nil {
		fr.evalAll(x.Args)
		return v
	}
	callee := fr.eval(x.Callee)
	args := fr.evalAll(x.Args)
	if x.Tagged {
		// A tagged template (sql`...`, prisma.$queryRaw`...`) receives its values apart
		// from its text: the tag decides what to do with them.
		return nil
	}
	names, ok := fr.e.names[x]
	if !ok {
		names = fr.calleeNames(x.Callee)
		fr.e.names[x] = names
	}
	fr.bindCallbacks(x, args)

	if v := fr.sourceCall(x, names); v != nil {
		return v
	}
	if m, ok := fr.sanitizer(names, x); ok {
		return join(fr.receiver(x), joinAll(args).dataOnly()).sanitize(m)
	}
	sunk := fr.checkSinks(x, names, args)
	if v, ok := fr.callbackResult(x, args); ok {
		return v
	}
	if fn := fr.resolve(x.Callee, callee); fn != nil && !x.New {
		return fr.e.apply(fn, args, Step{Pos: x.Pos, Note: callNote(x)})
	}
	if x.New {
		if c := fr.resolveClass(x.Callee); c != nil {
			return &value{class: c}
		}
	}
	if sunk || fr.opaque(names) {
		return nil
	}
	return join(fr.receiver(x), joinAll(args).dataOnly())
}

// receiver returns the data of a method call's receiver: what str.trim() or
// str.replace(...) returns is made of it.
func (fr *frame) receiver(x *model.Call) *value {
	if m, ok := x.Callee.(*model.Member); ok {
		return fr.eval(m.Obj).dataOnly()
	}
	return nil
}

// resultOfCallback are the higher-order methods whose result is what their callback
// returns: list.map(f), promise.then(f).
var resultOfCallback = map[string]bool{"map": true, "flatMap": true, "then": true}

// callbackResult returns the result of list.map(f) or promise.then(f) for a callback the
// program defines: f's return value with the receiver's data as its argument. A list of
// placeholders built from indexes (ids.map((_, i) => '$' + (i + 1))) carries no data.
func (fr *frame) callbackResult(x *model.Call, args []*value) (*value, bool) {
	m, ok := x.Callee.(*model.Member)
	if !ok || !resultOfCallback[m.Prop] || len(args) == 0 || args[0] == nil ||
		args[0].fn == nil {
		return nil, false
	}
	recv := fr.eval(m.Obj).dataOnly()
	return fr.e.apply(args[0].fn, []*value{recv}, Step{Pos: x.Pos, Note: callNote(x)}), true
}

func (fr *frame) evalAll(xs []model.Expr) []*value {
	out := make([]*value, len(xs))
	for i, x := range xs {
		out[i] = fr.eval(x)
	}
	return out
}

func joinAll(vs []*value) *value {
	acc := &value{}
	for _, v := range vs {
		acc.merge(v, 0)
	}
	return acc
}

// bindCallbacks passes the receiver's data to the parameter of a callback given to a
// higher-order method, for when the callback's own analysis runs.
func (fr *frame) bindCallbacks(x *model.Call, args []*value) {
	m, ok := x.Callee.(*model.Member)
	if !ok {
		return
	}
	param, ok := callbackParam[m.Prop]
	if !ok {
		return
	}
	recv := fr.eval(m.Obj).dataOnly()
	if recv.empty() {
		return
	}
	for _, a := range args {
		if a == nil || a.fn == nil || fr.e.summaries[a.fn] != nil {
			continue
		}
		b := fr.e.bindings[a.fn]
		for len(b) <= param {
			b = append(b, &value{})
		}
		b[param].merge(recv, 0)
		fr.e.bindings[a.fn] = b
	}
}

// sourceCall returns a fresh label when the call is a catalogued source function.
func (fr *frame) sourceCall(x *model.Call, names []string) *value {
	for _, n := range names {
		safe, ok := fr.e.cat.sourceCalls[n]
		if !ok {
			continue
		}
		o := fr.e.origin(nil, -1, Step{Pos: x.Pos, Note: callNote(x)})
		o.in = fr.fn
		o.source = n
		v := &value{}
		v.addLabel(label{origin: o, sanitized: safe})
		return v
	}
	return nil
}

// sanitizer returns the classes a call sanitises for, if it is a sanitizer. The result of
// a method sanitizer (.replace(/[\r\n]/g, ”)) is its receiver's data, cleaned.
func (fr *frame) sanitizer(names []string, x *model.Call) (mask, bool) {
	var m mask
	found := false
	for _, n := range names {
		for _, s := range fr.e.cat.sanitizers[n] {
			if s.when == nil || s.when.holds(x) {
				m |= s.classes
				found = true
			}
		}
	}
	return m, found
}

func (fr *frame) opaque(names []string) bool {
	for _, n := range names {
		if fr.e.cat.opaque[n] {
			return true
		}
	}
	return false
}

// checkSinks reports the untrusted data that reaches a sink's dangerous arguments and
// says whether the call is a sink.
func (fr *frame) checkSinks(x *model.Call, names []string, args []*value) bool {
	sunk := false
	for _, n := range names {
		for _, s := range fr.e.cat.sinks[n] {
			if s.Assign || s.New != x.New || !fr.e.cat.applies(s, x) {
				continue
			}
			sunk = true
			for _, i := range sinkArgs(s, len(args)) {
				for _, l := range sinkLabels(s, args[i]) {
					fr.e.sink(sinkSite{x.Pos, callNote(x), fr.fn, s}, l)
				}
			}
		}
	}
	return sunk
}

// checkAssignSink reports untrusted data assigned to a sink property (ctx.body = x).
func (fr *frame) checkAssignSink(t *model.MemberTarget, v *value, pos model.Pos) {
	if t.Prop == "" || v.empty() {
		return
	}
	for _, base := range fr.paths(t.Obj) {
		name := base + "." + t.Prop
		for _, s := range fr.e.cat.sinks[name] {
			if !s.Assign {
				continue
			}
			for _, l := range sinkLabels(s, v) {
				fr.e.sink(sinkSite{pos, pos.Text, fr.fn, s}, l)
			}
		}
	}
}

func sinkArgs(s *Sink, n int) []int {
	if len(s.Args) == 0 {
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		return all
	}
	var out []int
	for _, i := range s.Args {
		// A catalog from a configuration is checked for negative positions; the engine
		// does not rely on it.
		if i >= 0 && i < n {
			out = append(out, i)
		}
	}
	return out
}

// restrict narrows an object argument to the properties a sink reads ({ text: sql }).
func restrict(v *value, keys []string) *value {
	if len(keys) == 0 || v == nil || len(v.fields) == 0 {
		return v
	}
	out := &value{labels: v.labels}
	for _, k := range keys {
		if f, ok := v.fields[k]; ok {
			out.merge(f, 0)
		}
	}
	return out
}

// sinkLabels returns the labels of an argument that a sink cares about.
func sinkLabels(s *Sink, v *value) []label {
	v = restrict(v, s.Keys)
	if v == nil {
		return nil
	}
	ls := v.labels
	if !s.Shallow {
		ls = v.allLabels(0)
	}
	return ls
}

// accepts reports whether a source label is data this sink cares about; parameter
// labels always pass, to be judged when a caller's data replaces them.
func (s *Sink) accepts(l label) bool {
	if l.origin.param >= 0 {
		return true
	}
	if s.Whole && (!l.origin.whole || l.part) {
		return false
	}
	return len(s.From) == 0 || slices.Contains(s.From, l.origin.source)
}

// callNote shows a call in a trace by its callee: "db.query(...)".
func callNote(x *model.Call) string {
	note := x.Callee.At().Text + "(...)"
	if x.New {
		note = "new " + note
	}
	return note
}
