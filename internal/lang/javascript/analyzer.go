package javascript

import (
	"github.com/rampart-sec/rampart/internal/finding"
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

// Rules returns the metadata of every JS/TS rule.
func Rules() []*rule.Rule {
	out := make([]*rule.Rule, len(checks))
	for i, c := range checks {
		out[i] = c.rule
	}
	return out
}

// Result is what analysing one file yields.
type Result struct {
	Findings  []finding.Finding
	Positives []finding.Positive
}

// Analyze runs every JS/TS rule over a parsed file whose path relative to the reviewed
// root is rel.
func Analyze(rel string, parsed *syntax.File) Result {
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

	for _, n := range candidates {
		for _, c := range dispatch[n.Kind] {
			c.match(f, n)
		}
	}
	return Result{Findings: f.findings, Positives: f.positives}
}
