package report

import (
	"cmp"
	"fmt"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
)

// Text writes the findings for a terminal: one block per finding, then a summary line.
// Everything taken from the reviewed code is cleaned of control characters first, since
// a terminal would obey them.
type Text struct {
	// Color marks severities with ANSI colours, for a terminal that shows them.
	Color bool
	// Dir is put before every path shown, so that a location opens from the current
	// directory: the reviewed root as the command line named it. Empty means ".".
	Dir string
	// LinkRoot, when set with Color, is the reviewed root's absolute path, and each
	// finding's location becomes a terminal hyperlink (OSC 8) to its file.
	LinkRoot string
}

// ANSI escapes for the severities; reset ends each.
var severityColor = map[rule.Severity]string{
	rule.Critical: "\x1b[1;31m",
	rule.High:     "\x1b[31m",
	rule.Medium:   "\x1b[33m",
	rule.Low:      "\x1b[36m",
}

const (
	reset = "\x1b[0m"
	dim   = "\x1b[2m"
)

// Write renders r as plain text.
func (t Text) Write(w io.Writer, r *Review) error {
	if err := r.check(); err != nil {
		return fmt.Errorf("text review: %w", err)
	}

	blocks := make([]string, 0, len(r.Findings)+1)
	for _, f := range r.Findings {
		blocks = append(blocks, t.finding(f))
	}
	if len(blocks) == 0 {
		blocks = append(blocks, "No findings.")
	}
	summary := textSummary(r)
	if d := r.Scope.Dependencies; d != nil && dependencyGap(d) {
		summary += "\nDependencies: " + dependencyCoverage(d, plain, plain)
	}
	blocks = append(blocks, summary)

	return emit(w, strings.Join(blocks, "\n\n")+"\n", "text")
}

// finding renders the finding's headline, then its code and data flow indented under it.
func (t Text) finding(f finding.Finding) string {
	at := t.path(place(f.Location.File, f.Location.Line))
	if f.Location.Line > 0 && f.Location.Column > 0 {
		at += ":" + strconv.Itoa(f.Location.Column)
	}

	head := headline(f.Severity, at, cmp.Or(f.Title, f.Rule.Title)) +
		"  [" + oneLine(f.Rule.ID) + "]"
	if t.Color {
		head = t.colorHeadline(f, at)
	}
	lines := []string{head}
	if snippet := code(f.Snippet); snippet != "" {
		lines = append(lines, "    "+snippet)
	}
	if len(f.Trace) > 0 {
		lines = append(lines, "    flow: "+chain(f.Trace, plain, t.path))
	}
	if f.Dependency != nil {
		lines = append(lines, "    fix: "+oneLine(f.FixText()))
	}
	return strings.Join(lines, "\n")
}

// path puts Dir before a "file:line" location.
func (t Text) path(at string) string {
	if t.Dir == "" || t.Dir == "." {
		return at
	}
	return strings.TrimSuffix(t.Dir, "/") + "/" + at
}

// colorHeadline is headline with the severity coloured, the rule id dimmed and the
// location a hyperlink to the file when LinkRoot is known.
func (t Text) colorHeadline(f finding.Finding, at string) string {
	sev := fmt.Sprintf("%-8s", strings.ToUpper(f.Severity.String()))
	loc := oneLine(at)
	if t.LinkRoot != "" {
		u := url.URL{Scheme: "file", Path: path.Join(filepath.ToSlash(t.LinkRoot),
			valid(f.Location.File))}
		loc = "\x1b]8;;" + u.String() + "\x1b\\" + loc + "\x1b]8;;\x1b\\"
	}
	return severityColor[f.Severity] + sev + reset + "  " + loc + "  " +
		oneLine(cmp.Or(f.Title, f.Rule.Title)) + "  " + dim + "[" + oneLine(f.Rule.ID) +
		"]" + reset
}

// headline renders "HIGH      src/a.js:42  title", the severity padded so that the
// locations of consecutive findings line up.
func headline(s rule.Severity, at, title string) string {
	return fmt.Sprintf("%-8s  %s  %s", strings.ToUpper(s.String()), oneLine(at), oneLine(title))
}

func textSummary(r *Review) string {
	sum := r.Summary()
	text := severityCounts(sum) + " · " + strconv.Itoa(sum.Positive) + " positive · " +
		plural(r.Scope.Files, "file reviewed", "files reviewed") + ", " +
		strconv.Itoa(len(r.Scope.Skipped)) + " skipped"
	if n := len(r.Scope.Incomplete); n > 0 {
		text += ", " + plural(n, "gap", "gaps") + " in the analysis"
	}
	return text
}
