package report

import (
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
)

// Text writes the findings for a terminal: one block per finding, then a summary line.
// Everything taken from the reviewed code is cleaned of control characters first, since
// a terminal would obey them.
type Text struct{}

// Write renders r as plain text.
func (Text) Write(w io.Writer, r *Review) error {
	if err := r.check(); err != nil {
		return fmt.Errorf("text review: %w", err)
	}

	blocks := make([]string, 0, len(r.Findings)+1)
	for _, f := range r.Findings {
		blocks = append(blocks, textFinding(f))
	}
	if len(blocks) == 0 {
		blocks = append(blocks, "No findings.")
	}
	blocks = append(blocks, textSummary(r))

	return emit(w, strings.Join(blocks, "\n\n")+"\n", "text")
}

// textFinding renders the finding's headline, then its code and data flow indented under
// it.
func textFinding(f finding.Finding) string {
	at := place(f.Location.File, f.Location.Line)
	if f.Location.Line > 0 && f.Location.Column > 0 {
		at += ":" + strconv.Itoa(f.Location.Column)
	}

	lines := []string{headline(f.Severity, at, cmp.Or(f.Title, f.Rule.Title)) +
		"  [" + oneLine(f.Rule.ID) + "]"}
	if snippet := code(f.Snippet); snippet != "" {
		lines = append(lines, "    "+snippet)
	}
	if len(f.Trace) > 0 {
		lines = append(lines, "    flow: "+chain(f.Trace, plain, plain))
	}
	return strings.Join(lines, "\n")
}

// headline renders "HIGH      src/a.js:42  title", the severity padded so that the
// locations of consecutive findings line up.
func headline(s rule.Severity, at, title string) string {
	return fmt.Sprintf("%-8s  %s  %s", strings.ToUpper(s.String()), oneLine(at), oneLine(title))
}

func textSummary(r *Review) string {
	sum := r.Summary()
	return severityCounts(sum) + " · " + strconv.Itoa(sum.Positive) + " positive · " +
		plural(r.Scope.Files, "file reviewed", "files reviewed") + ", " +
		strconv.Itoa(len(r.Scope.Skipped)) + " skipped"
}
