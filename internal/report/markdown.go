package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
)

// Markdown writes the review file that the checklist asks for,
// ai/reviews/<ID>_backend_security.md: a preamble saying what was reviewed, then the
// checklist's five sections in its order, each present even when it is empty.
type Markdown struct{}

// section is one of the checklist's headings for findings, with the comment the checklist
// puts under it and the letter that numbers its findings (C1, H1, M1, L1).
type section struct {
	severity rule.Severity
	letter   string
	heading  string
	comment  string
	empty    string
}

var sections = [...]section{
	{
		rule.Critical, "C", "Critical Vulnerabilities", "Must fix before deployment",
		"No critical vulnerabilities found.",
	},
	{
		rule.High, "H", "High Risk Issues", "Significant security risk",
		"No high risk issues found.",
	},
	{
		rule.Medium, "M", "Medium Risk Issues", "Should be addressed",
		"No medium risk issues found.",
	},
	{
		rule.Low, "L", "Best Practice Violations", "Security improvements",
		"No best practice violations found.",
	},
}

// Write renders r as the Markdown review. Blocks are joined with exactly one blank line.
func (Markdown) Write(w io.Writer, r *Review) error {
	if err := r.check(); err != nil {
		return fmt.Errorf("markdown review: %w", err)
	}

	blocks := []string{mdTitle(r.ID), mdPreamble(r)}
	for _, s := range sections {
		blocks = append(blocks, s.render(r.Findings)...)
	}
	blocks = append(blocks, mdPositives(r.Positives)...)

	return emit(w, strings.Join(blocks, "\n\n")+"\n", "markdown")
}

func mdTitle(id string) string {
	if id = oneLine(id); id == "" {
		return "# Backend Security Review"
	}
	return "# Backend Security Review: " + escapeText(id)
}

func mdHeading(heading, comment string) string {
	return "## " + heading + "\n<!-- " + comment + " -->"
}

// render returns the section's heading and its findings, numbered in the given order.
func (s section) render(fs []finding.Finding) []string {
	blocks := []string{mdHeading(s.heading, s.comment)}
	n := 0
	for _, f := range fs {
		if f.Severity == s.severity {
			n++
			blocks = append(blocks, mdFinding(s.letter+strconv.Itoa(n), f))
		}
	}

	if n == 0 {
		blocks = append(blocks, s.empty)
	}
	return blocks
}

func mdPositives(ps []finding.Positive) []string {
	head := mdHeading("Positive Observations", "Good security practices")
	if len(ps) == 0 {
		return []string{head, "No positive observations recorded."}
	}

	lines := make([]string, len(ps))
	for i, p := range ps {
		at := codeSpan(oneLine(place(p.Location.File, p.Location.Line)))
		lines[i] = "- " + escapeText(oneLine(p.Title)) + " (" + at + ")"
	}
	return []string{head, strings.Join(lines, "\n")}
}
