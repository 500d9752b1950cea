package taint

import (
	"github.com/rampart-sec/rampart/internal/model"
)

// summary is what a function does with its parameters, as far as callers care: which of
// them its return value carries, and which reach a sink inside it (or inside what it
// calls).
type summary struct {
	ret   *value
	sinks []paramSink
	done  bool
}

// paramSink is a parameter's data reaching a sink: label carries the parameter's origin,
// what sanitised it on the way, and the steps from the parameter to the sink.
type paramSink struct {
	label label
	site  sinkSite
}

// sinkSite is where a sink is: the call or assignment, how a trace shows it, the function
// that holds it and the catalogued sink.
type sinkSite struct {
	pos  model.Pos
	note string
	fn   *model.Func
	sink *Sink
}

// summarize analyses fn once and returns its summary. A function reached again while its
// own analysis runs (recursion) gets the summary as it stands, which keeps the analysis
// finite at the price of missing flows that only the recursion would show.
func (e *engine) summarize(fn *model.Func) *summary {
	if s, ok := e.summaries[fn]; ok {
		return s
	}
	s := &summary{ret: &value{}}
	e.summaries[fn] = s

	fr := e.newFrame(fn)
	for range maxPasses {
		fr.again = false
		clear(fr.reads)
		fr.exec(fn.Body)
		if !fr.again {
			break
		}
	}
	// Closures defined here run with this function's variables: analysing them now puts
	// what they do with its parameters into its summary before any caller reads it. A
	// module's top level has no parameters; its functions are analysed on their own.
	if fn.Module == nil || fn != fn.Module.Init {
		for _, c := range e.children[fn] {
			e.summarize(c)
		}
	}
	s.done = true
	return s
}

// addSink records that a parameter's data reaches a sink, once per parameter, class and
// sink.
func (s *summary) addSink(ps paramSink) {
	for _, old := range s.sinks {
		if old.label.origin == ps.label.origin && old.site.sink == ps.site.sink &&
			old.site.pos == ps.site.pos && old.label.sanitized == ps.label.sanitized {
			return
		}
	}
	s.sinks = append(s.sinks, ps)
}

// sink handles a label that reached a sink of class at pos: a source makes a flow, a
// parameter an entry in its function's summary, and a sanitised label nothing.
func (e *engine) sink(at sinkSite, l label) {
	if l.sanitized&e.cat.bits[at.sink.Class] != 0 || !at.sink.accepts(l) {
		return
	}
	if l.origin.param < 0 {
		e.report(at, l)
		return
	}
	if s := e.summaries[l.origin.fn]; s != nil {
		s.addSink(paramSink{label: l, site: at})
	}
}

// apply evaluates a call of fn: the caller's argument values flow through fn's summary
// into the result and into the sinks fn reaches.
func (e *engine) apply(fn *model.Func, args []*value, call Step) *value {
	s := e.summarize(fn)
	through := func(l label) []label {
		if l.origin.param < 0 || l.origin.fn != fn {
			return []label{l.withStep(call)}
		}
		return e.substitute(l, argFor(fn, args, l.origin.param), call)
	}
	for _, ps := range s.sinks {
		if ps.label.origin.fn != fn {
			continue
		}
		for _, l := range through(ps.label) {
			e.sink(ps.site, l)
		}
	}
	return s.ret.mapLabels(through, 0)
}

// substitute replaces a parameter label by the labels of the argument passed for it: each
// keeps its own origin, gains the call step and the parameter's steps inside the callee,
// and what the callee sanitised.
func (e *engine) substitute(param label, arg *value, call Step) []label {
	var out []label
	for _, a := range arg.allLabels(0) {
		l := a.withStep(call)
		for _, s := range param.trace {
			l = l.withStep(s)
		}
		l.sanitized |= param.sanitized
		out = append(out, l)
	}
	return out
}

// argFor returns the value passed for parameter i; a rest parameter collects the rest.
func argFor(fn *model.Func, args []*value, i int) *value {
	if i < len(fn.Params) && fn.Params[i].Rest {
		acc := &value{}
		for _, a := range args[min(i, len(args)):] {
			acc.merge(a.dataOnly(), 0)
		}
		return acc
	}
	if i < len(args) {
		return args[i]
	}
	return nil
}
