package taint

import (
	"cmp"
	"slices"

	"github.com/rampart-sec/rampart/internal/model"
)

// Flow is untrusted data reaching a sink: the finding a rule reports.
type Flow struct {
	Class Class
	// Sink is the dangerous call or assignment.
	Sink model.Pos
	// Trace runs from the source to the sink, both included.
	Trace []Step
	// Func is the function holding the sink; Entry is the function where the data
	// entered, such as the route handler that read the request.
	Func  *model.Func
	Entry *model.Func
}

// maxPasses bounds the re-evaluation of a function body until its variables settle; the
// lattice is finite and small, so real code settles in two or three.
const maxPasses = 6

// engine holds the state of one analysis of a whole program.
type engine struct {
	cat     *compiled
	modules map[string]*model.Module
	// declared maps, per module, a function name to the functions declared with it.
	declared map[*model.Module]map[string][]*model.Func
	// funcs maps a function to its summary once its analysis has started.
	summaries map[*model.Func]*summary
	frames    map[*model.Func]*frame
	// children maps a function to the closures and functions declared in it.
	children map[*model.Func][]*model.Func
	// bindings are values passed to closures by higher-order calls (then, map).
	bindings map[*model.Func][]*value
	fields   map[*model.Class]*value
	origins  map[originKey]*origin
	// names caches each call's catalogue names: they depend only on the call and the
	// function it is in.
	names map[*model.Call][]string
	flows map[flowKey]Flow
}

type originKey struct {
	file             string
	line, col, param int
	fn               *model.Func
}

type flowKey struct {
	class     Class
	file      string
	line, col int
}

// Analyze follows untrusted data through every function of the modules and returns the
// flows that reach a sink, sorted by sink position.
func Analyze(mods []*model.Module, cat *Catalog) ([]Flow, error) {
	k, err := compile(cat)
	if err != nil {
		return nil, err
	}
	e := &engine{
		cat:       k,
		modules:   make(map[string]*model.Module, len(mods)),
		declared:  make(map[*model.Module]map[string][]*model.Func, len(mods)),
		summaries: make(map[*model.Func]*summary),
		frames:    make(map[*model.Func]*frame),
		bindings:  make(map[*model.Func][]*value),
		children:  make(map[*model.Func][]*model.Func),
		fields:    make(map[*model.Class]*value),
		origins:   make(map[originKey]*origin),
		names:     make(map[*model.Call][]string),
		flows:     make(map[flowKey]Flow),
	}
	for _, m := range mods {
		e.modules[m.Path] = m
		e.declared[m] = declaredFuncs(m)
		for _, fn := range m.Funcs {
			if fn.Parent != nil {
				e.children[fn.Parent] = append(e.children[fn.Parent], fn)
			}
		}
	}
	for _, m := range mods {
		for _, fn := range m.Funcs {
			if fn == m.Init || e.relevant(fn) {
				e.summarize(fn)
			}
		}
	}
	return e.sortedFlows(), nil
}

// declaredFuncs indexes the named functions of a module.
func declaredFuncs(m *model.Module) map[string][]*model.Func {
	idx := make(map[string][]*model.Func)
	for _, fn := range m.Funcs {
		if fn.Class == nil && fn != m.Init {
			idx[fn.Name] = append(idx[fn.Name], fn)
		}
	}
	return idx
}

func (e *engine) sortedFlows() []Flow {
	out := make([]Flow, 0, len(e.flows))
	for _, f := range e.flows {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b Flow) int {
		return cmp.Or(
			cmp.Compare(a.Sink.File, b.Sink.File),
			cmp.Compare(a.Sink.Line, b.Sink.Line),
			cmp.Compare(a.Sink.Column, b.Sink.Column),
			cmp.Compare(a.Class, b.Class),
		)
	})
	return out
}

// origin returns the one origin for a source or parameter, so that re-evaluating a body
// finds the labels it made before and the fixpoint settles.
func (e *engine) origin(fn *model.Func, param int, step Step) *origin {
	key := originKey{step.Pos.File, int(step.Pos.Line), int(step.Pos.Column), param, fn}
	if o, ok := e.origins[key]; ok {
		return o
	}
	o := &origin{step: step, param: param, fn: fn}
	e.origins[key] = o
	return o
}

// report records a flow from a source label to a sink, keeping the shortest trace when
// several reach the same sink.
func (e *engine) report(at sinkSite, l label) {
	class, sink := at.sink.Class, at.pos
	trace := make([]Step, 0, len(l.trace)+2)
	trace = append(trace, l.origin.step)
	trace = append(trace, l.trace...)
	trace = append(trace, Step{Pos: sink, Note: at.note})

	key := flowKey{class, sink.File, int(sink.Line), int(sink.Column)}
	if old, ok := e.flows[key]; ok && len(old.Trace) <= len(trace) {
		return
	}
	e.flows[key] = Flow{Class: class, Sink: sink, Trace: trace, Func: at.fn, Entry: l.origin.in}
}
