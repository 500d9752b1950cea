package javascript

import (
	"slices"
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/taint"
)

// flowRules maps each data-flow class of the catalog to the rule that reports it.
var flowRules = map[taint.Class]*rule.Rule{
	"sql":             sqlInjectionRule,
	"command":         commandInjectionRule,
	"code":            codeInjectionRule,
	"nosql":           nosqlInjectionRule,
	"xss":             xssRule,
	"path":            pathTraversalRule,
	"ssrf":            ssrfRule,
	"redirect":        openRedirectRule,
	"log":             logInjectionRule,
	"redos":           redosRule,
	"prototype":       prototypePollutionRule,
	"mass":            massAssignmentRule,
	"deserialization": deserializationRule,
	"xxe":             xxeRule,
	"template":        templateInjectionRule,
}

// FlowClasses returns the data-flow classes that have a rule, sorted: the classes a
// configured sink may name.
func FlowClasses() []taint.Class {
	out := make([]taint.Class, 0, len(flowRules))
	for c := range flowRules {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// AnalyzeFlows links the lowered modules of a project and follows request data through
// them, returning a finding for each flow into a sink, with its trace. extra, when not
// nil, adds a project's own sources, sinks and sanitizers to the catalog.
func AnalyzeFlows(mods []*model.Module, extra *taint.Catalog) ([]finding.Finding, error) {
	Link(mods)
	return FollowFlows(mods, extra)
}

// FollowFlows is AnalyzeFlows for modules already linked. It only reads the modules, so
// other analyses may read them at the same time.
func FollowFlows(mods []*model.Module, extra *taint.Catalog) ([]finding.Finding, error) {
	cat, err := Catalog()
	if err != nil {
		return nil, err
	}
	if extra != nil {
		mergeCatalog(cat, extra)
	}
	flows, err := taint.Analyze(mods, cat)
	if err != nil {
		return nil, err
	}
	var out []finding.Finding
	for _, fl := range flows {
		if r, ok := flowRules[fl.Class]; ok {
			out = append(out, flowFinding(r, fl))
		}
	}
	return out, nil
}

func flowFinding(r *rule.Rule, fl taint.Flow) finding.Finding {
	at := fl.Sink
	fd := finding.New(r, finding.Location{
		File: at.File, Line: int(at.Line), Column: int(at.Column),
		EndLine: int(at.EndLine), EndColumn: int(at.EndColumn),
	}, at.Text)
	fd.Severity = flowSeverity(r)
	fd.Confidence = rule.HighConfidence
	if where := flowContext(fl.Entry, fl.Func); where != "" {
		fd.Title = r.Title + " in " + strings.ToValidUTF8(where, "\uFFFD")
	}
	for _, s := range fl.Trace {
		fd.Trace = append(fd.Trace,
			finding.Step{File: s.Pos.File, Line: int(s.Pos.Line), Note: s.Note})
	}
	return fd
}

// flowSeverity is the severity of a proven flow: request data reaching a query, a shell
// or an evaluator is critical; other classes keep their rule's severity.
func flowSeverity(r *rule.Rule) rule.Severity {
	switch r {
	case sqlInjectionRule, commandInjectionRule, codeInjectionRule, templateInjectionRule,
		deserializationRule:
		return rule.Critical
	}
	return r.Severity
}

// flowContext names where a flow happens for a finding's title: the route the data came
// in through, else the route or function holding the sink.
func flowContext(entry, fn *model.Func) string {
	for _, start := range []*model.Func{entry, fn} {
		for f := start; f != nil; f = f.Parent {
			if f.Route != "" {
				return f.Route
			}
		}
	}
	if fn == nil || fn.Module != nil && fn == fn.Module.Init {
		return ""
	}
	if fn.Name == "" || strings.HasPrefix(fn.Name, "<") {
		return ""
	}
	return fn.Name + "()"
}

// MergeFindings drops a pattern finding where a data-flow finding of the same rule
// reports the same line: the flow says more, with its trace.
func MergeFindings(pattern, flows []finding.Finding) []finding.Finding {
	type key struct {
		rule, file string
		line       int
	}
	seen := make(map[key]bool, len(flows))
	for _, f := range flows {
		seen[key{f.Rule.ID, f.Location.File, f.Location.Line}] = true
	}
	out := flows
	for _, f := range pattern {
		if !seen[key{f.Rule.ID, f.Location.File, f.Location.Line}] {
			out = append(out, f)
		}
	}
	return out
}
