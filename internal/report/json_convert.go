package report

import (
	"cmp"

	"github.com/rampart-sec/rampart/internal/finding"
)

// NewJSONReview converts r into the document the JSON writer encodes. Every string is
// valid UTF-8, so that the document reads back equal to itself; lists are empty, not nil.
func NewJSONReview(r *Review) (*JSONReview, error) {
	if err := r.check(); err != nil {
		return nil, err
	}

	doc := &JSONReview{
		Tool:      Tool{Name: valid(r.Tool.Name), Version: valid(r.Tool.Version)},
		ID:        valid(r.ID),
		Scope:     jsonScope(r.Scope),
		Summary:   r.Summary(),
		Findings:  make([]JSONFinding, len(r.Findings)),
		Positives: make([]JSONPositive, len(r.Positives)),
	}
	for i, f := range r.Findings {
		doc.Findings[i] = jsonFinding(f)
	}
	for i, p := range r.Positives {
		doc.Positives[i] = JSONPositive{Title: valid(p.Title), Location: jsonLocation(p.Location)}
	}
	for _, f := range r.Suppressed {
		doc.Suppressed = append(doc.Suppressed, JSONSuppressed{
			RuleID: valid(f.Rule.ID), Title: valid(f.Title), Location: jsonLocation(f.Location),
			Reason: valid(f.Suppressed), Fingerprint: f.Fingerprint,
		})
	}
	return doc, nil
}

func jsonScope(s Scope) JSONScope {
	js := JSONScope{
		Mode:           valid(s.Mode),
		Base:           valid(s.Base),
		Files:          s.Files,
		Lines:          s.Lines,
		Languages:      make(map[string]int, len(s.Languages)),
		ConfigFiles:    s.ConfigFiles,
		Skipped:        len(s.Skipped),
		SkippedFiles:   make([]Skip, len(s.Skipped)),
		ParseErrors:    make([]ParseIssue, len(s.ParseIssues)),
		Note:           valid(s.Note),
		Commits:        max(s.Commits, 0),
		ChangedFiles:   s.ChangedFiles,
		ChangedConfig:  s.ChangedConfig,
		OutOfScope:     s.OutOfScope,
		Suppressed:     s.Suppressed,
		Baselined:      s.Baselined,
		FixtureSecrets: s.FixtureSecrets,
		Dependencies:   jsonDependencies(s.Dependencies),
	}
	for lang, n := range s.Languages {
		js.Languages[valid(lang)] += n
	}
	for i, sk := range s.Skipped {
		js.SkippedFiles[i] = Skip{File: valid(sk.File), Reason: valid(sk.Reason)}
	}
	for i, pi := range s.ParseIssues {
		js.ParseErrors[i] = ParseIssue{File: valid(pi.File), Lines: append([]int{}, pi.Lines...)}
	}
	for _, inc := range s.Incomplete {
		js.Incomplete = append(js.Incomplete, Incomplete{File: valid(inc.File),
			Reason: valid(inc.Reason), Internal: inc.Internal})
	}
	return js
}

func jsonFinding(f finding.Finding) JSONFinding {
	r := f.Rule
	jf := JSONFinding{
		RuleID:        valid(r.ID),
		Title:         valid(cmp.Or(f.Title, r.Title)),
		Vulnerability: valid(cmp.Or(r.Vulnerability, r.Title)),
		CWE:           validAll(r.CWE),
		OWASP:         validAll(r.OWASP),
		Severity:      f.Severity.String(),
		Confidence:    f.Confidence.String(),
		Location:      jsonLocation(f.Location),
		Snippet:       valid(f.Snippet),
		Impact:        valid(cmp.Or(f.Impact, r.Impact)),
		Fix:           valid(f.FixText()),
		FixExample:    valid(f.FixCode()),
		Dependency:    jsonDependency(f.Dependency),
		Fingerprint:   valid(f.Fingerprint),
	}
	for _, st := range f.Trace {
		step := JSONStep{File: valid(st.File), Line: st.Line, Note: valid(st.Note)}
		jf.Trace = append(jf.Trace, step)
	}
	return jf
}

func jsonLocation(l finding.Location) JSONLocation {
	return JSONLocation{
		File:      valid(l.File),
		Line:      l.Line,
		Column:    l.Column,
		EndLine:   l.EndLine,
		EndColumn: l.EndColumn,
	}
}

func validAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = valid(s)
	}
	return out
}

func jsonDependency(d *finding.Dependency) *JSONDependency {
	if d == nil {
		return nil
	}
	jd := &JSONDependency{
		Ecosystem: valid(d.Ecosystem), Name: valid(d.Name), Version: valid(d.Version),
		Relation: valid(d.Relation), Dev: d.Dev, Upgrade: valid(d.Upgrade),
		Advisories: make([]JSONAdvisory, len(d.Advisories)),
	}
	for i, a := range d.Advisories {
		jd.Advisories[i] = JSONAdvisory{
			ID: valid(a.ID), Aliases: validAll(a.Aliases), Summary: valid(a.Summary),
			Severity: valid(a.Severity), Score: a.Score, Fixed: validAll(a.Fixed),
		}
	}
	return jd
}

func jsonDependencies(d *Dependencies) *Dependencies {
	if d == nil {
		return nil
	}
	out := *d
	out.Ecosystems = validAll(d.Ecosystems)
	out.Missing = validAll(d.Missing)
	out.Problems = make([]Skip, len(d.Problems))
	for i, p := range d.Problems {
		out.Problems[i] = Skip{File: valid(p.File), Reason: valid(p.Reason)}
	}
	return &out
}
