package javascript

import (
	"strings"
	"unicode/utf8"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// maxSnippet bounds a finding's snippet, in bytes, so that a minified line or a huge
// literal cannot flood a report.
const maxSnippet = 160

// report records a finding of r at node n and returns it for the caller to sharpen.
func (f *file) report(r *rule.Rule, n *syntax.Node) *finding.Finding {
	loc := f.location(n)
	fd := finding.New(r, loc, f.snippet(n))
	if where := f.context(n); where != "" {
		fd.Title = r.Title + " in " + strings.ToValidUTF8(where, "\uFFFD")
	}
	f.findings = append(f.findings, fd)
	return &f.findings[len(f.findings)-1]
}

// positive records a good practice at n, once per title and file.
func (f *file) positive(title string, n *syntax.Node) {
	for _, p := range f.positives {
		if p.Title == title {
			return
		}
	}
	f.positives = append(f.positives, finding.Positive{Title: title, Location: finding.Location{
		File: f.rel, Line: n.Start.Line,
	}})
}

func (f *file) location(n *syntax.Node) finding.Location {
	return finding.Location{
		File:      f.rel,
		Line:      n.Start.Line,
		Column:    n.Start.Column,
		EndLine:   n.End.Line,
		EndColumn: n.End.Column,
	}
}

// snippet returns n's text on one line, cut to maxSnippet bytes at a rune boundary.
func (f *file) snippet(n *syntax.Node) string { return clip(f.text(n)) }

// clip puts code on one line and cuts it to maxSnippet bytes at a rune boundary.
func clip(code string) string {
	s := strings.Join(strings.Fields(code), " ")
	if len(s) > maxSnippet {
		cut := maxSnippet
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// step returns a trace step at n with the given note.
func (f *file) step(n *syntax.Node, note string) finding.Step {
	return finding.Step{File: f.rel, Line: n.Start.Line, Note: note}
}
