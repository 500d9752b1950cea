package javascript

import (
	"errors"
	"time"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// check is one rule's matcher: the node kinds it looks at and what it does with them.
type check struct {
	rule  *rule.Rule
	kinds []string
	match func(f *file, n *syntax.Node)
}

// checks lists every JS/TS check. Each rule's file defines its check next to its metadata.
var checks = []check{
	codeInjection,
	commandInjection,
	sqlInjection,
	jwtMissingAlgorithms,
	hardcodedSecret,
	tlsVerificationDisabled,
	insecureRandomness,
	weakPasswordHash,
}

// dispatch maps a node kind to the checks that look at it, so one walk serves them all.
var dispatch = func() map[string][]check {
	m := make(map[string][]check)
	for _, c := range checks {
		for _, k := range c.kinds {
			m[k] = append(m[k], c)
		}
	}
	return m
}()

// flowOnly lists the rules that only data-flow analysis reports; the injection rules
// that also have a pattern check are in checks.
var flowOnly = []*rule.Rule{
	nosqlInjectionRule, xssRule, pathTraversalRule, ssrfRule, openRedirectRule,
	logInjectionRule, redosRule, prototypePollutionRule, massAssignmentRule,
	deserializationRule, xxeRule, templateInjectionRule,
}

// Rules returns the metadata of every JS/TS rule.
func Rules() []*rule.Rule {
	out := make([]*rule.Rule, 0, len(checks)+len(flowOnly)+len(appRules))
	for _, c := range checks {
		out = append(out, c.rule)
	}
	out = append(out, flowOnly...)
	return append(out, appRules...)
}

// Result is what analysing one file yields.
type Result struct {
	Findings  []finding.Finding
	Positives []finding.Positive
}

// Analyze runs every JS/TS rule over a parsed file whose path relative to the reviewed
// root is rel.
func Analyze(rel string, parsed *syntax.File) Result {
	f, _ := analyze(rel, parsed, time.Time{})
	return Result{Findings: f.findings, Positives: f.positives}
}

// AnalyzeFile runs the rules over a parsed file and lowers it for the data-flow analysis,
// labelling the route handlers the rules' walk found.
func AnalyzeFile(rel, language string, parsed *syntax.File) (Result, *model.Module) {
	res, mod, _ := AnalyzeFileWithin(rel, language, parsed, time.Time{})
	return res, mod
}

// ErrRuleBudget is returned when the pattern rules of a file run past their deadline.
var ErrRuleBudget = errors.New("pattern rules stopped at their time budget")

// AnalyzeFileWithin is AnalyzeFile with a deadline for the pattern rules (zero means
// none). Past it, the rules stop, their findings are dropped (which of them ran first is
// an accident of timing, and a review must not depend on it), the file is still lowered,
// and the error is ErrRuleBudget. Lowering takes time linear in the tree, which the
// parser's node budget bounds, so it has no deadline of its own.
func AnalyzeFileWithin(rel, language string, parsed *syntax.File, deadline time.Time) (
	Result, *model.Module, error) {
	f, complete := analyze(rel, parsed, deadline)
	mod := Lower(rel, language, parsed)
	for _, fn := range mod.Funcs {
		fn.Route = f.routeAt(fn)
	}
	if !complete {
		return Result{}, mod, ErrRuleBudget
	}
	return Result{Findings: f.findings, Positives: f.positives}, mod, nil
}

// deadlineEvery is how many candidate nodes the rules check between two readings of the
// clock: often enough to stop within microseconds of a deadline, rarely enough to cost
// nothing.
const deadlineEvery = 32

// analyze runs the rules over a file and reports whether they all ran before deadline.
func analyze(rel string, parsed *syntax.File, deadline time.Time) (*file, bool) {
	f := newFile(rel, parsed)

	// One walk collects the bindings and the nodes each check wants; the checks run after
	// it, so that a binding declared below its use is still known.
	var candidates []*syntax.Node
	syntax.Walk(f.root, func(n *syntax.Node) bool {
		f.collect(n)
		if _, ok := dispatch[n.Kind]; ok {
			candidates = append(candidates, n)
		}
		return true
	})
	f.indexRoutes(candidates)

	for i, n := range candidates {
		if i%deadlineEvery == 0 && !deadline.IsZero() && time.Now().After(deadline) {
			return f, false
		}
		for _, c := range dispatch[n.Kind] {
			c.match(f, n)
		}
	}
	f.reportNamedSecrets()
	return f, true
}
