package scope

import (
	"github.com/rampart-sec/rampart/internal/finding"
)

// Filter keeps what a change is responsible for and counts the rest. A finding is in
// scope when its line, or a step of its trace, is a changed line; a finding of absence
// (no limiter on a route) when the change touches its file. Positive observations are
// kept for the files the change touches.
func Filter(c *Changes, fs []finding.Finding, ps []finding.Positive) (
	kept []finding.Finding, positives []finding.Positive, out int) {
	for _, f := range fs {
		if c.covers(f) {
			kept = append(kept, f)
		} else {
			out++
		}
	}
	for _, p := range ps {
		if c.Touches(p.Location.File) {
			positives = append(positives, p)
		}
	}
	return kept, positives, out
}

func (c *Changes) covers(f finding.Finding) bool {
	if c.Has(f.Location.File, f.Location.Line) {
		return true
	}
	for _, s := range f.Trace {
		if c.Has(s.File, s.Line) {
			return true
		}
	}
	return f.Rule != nil && f.Rule.Absence && c.Touches(f.Location.File)
}
