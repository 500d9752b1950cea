package report

import (
	"slices"
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
)

// maxParseIssues bounds the partly parsed files named in the preamble; a tree full of
// unparsable files should not push the findings off the first screen. The JSON lists all.
const maxParseIssues = 10

// mdPreamble says what was reviewed and how it went, before any finding.
func mdPreamble(r *Review) string {
	s := r.Scope
	lines := []string{
		"- **Reviewed by**: " + escapeText(toolName(r.Tool)),
		"- **Scope**: " + scopeLabel(s, codeSpan),
		"- **Files reviewed**: " + mdFiles(s),
		"- **Files skipped**: " + mdSkipped(s.Skipped),
	}
	if unread := mdUnread(s.Skipped); unread != "" {
		lines = append(lines, "- **Not read**: "+unread)
	}
	if s.Mode == "diff" {
		lines = append(lines, "- **Change**: "+mdChange(s))
	}
	if s.Note != "" {
		lines = append(lines, "- **Note**: "+escapeText(oneLine(s.Note)))
	}
	if len(s.ParseIssues) > 0 {
		lines = append(lines, "- **Partly parsed**: "+mdParseIssues(s.ParseIssues))
	}
	if len(s.Incomplete) > 0 {
		lines = append(lines, "- **Partly analysed**: "+mdIncomplete(s.Incomplete))
	}
	if s.Dependencies != nil {
		lines = append(lines, "- **Dependencies**: "+
			dependencyCoverage(s.Dependencies, codeSpan, escapeText))
	}
	if s.Baselined > 0 {
		lines = append(lines, "- **Baseline**: "+plural(s.Baselined, "known finding",
			"known findings")+" from the baseline file "+notListed(s.Baselined))
	}
	if s.FixtureSecrets > 0 {
		lines = append(lines, "- **Test fixtures**: "+plural(s.FixtureSecrets, "credential",
			"credentials")+" in test fixtures "+notListed(s.FixtureSecrets)+
			" (secrets.fixtures in .rampart.yaml says which paths hold fixtures)")
	}
	if s.Suppressed > 0 {
		lines = append(lines, "- **Suppressed**: "+plural(s.Suppressed, "finding", "findings")+
			" silenced by rampart:ignore comments"+mdSuppressed(r.Suppressed))
	}

	sum := r.Summary()
	counts := severityCounts(sum) + "; " +
		plural(sum.Positive, "positive observation", "positive observations")
	lines = append(lines, "- **Findings**: "+counts)
	return strings.Join(lines, "\n")
}

// mdChange describes a reviewed change: its commits, its changed backend files and what
// was left out.
func mdChange(s Scope) string {
	parts := []string{}
	if s.Commits >= 0 {
		parts = append(parts, plural(s.Commits, "commit", "commits"))
	}
	parts = append(parts, plural(s.ChangedFiles, "changed backend file", "changed backend files"))
	if s.ChangedConfig > 0 {
		parts = append(parts, plural(s.ChangedConfig, "changed configuration file",
			"changed configuration files"))
	}
	text := strings.Join(parts, ", ")
	return text + "; " + plural(s.OutOfScope, "finding", "findings") +
		" in code the change does not touch " + notListed(s.OutOfScope)
}

func notListed(n int) string {
	if n == 1 {
		return "is not listed"
	}
	return "are not listed"
}

// mdSuppressed lists silenced findings under the count, or says how to list them.
func mdSuppressed(fs []finding.Finding) string {
	if len(fs) == 0 {
		return " (--show-suppressed lists them)"
	}
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("\n  - " + codeSpan(place(f.Location.File, f.Location.Line)) + " " +
			codeSpan(oneLine(f.Rule.ID)) + ": " + escapeText(oneLine(f.Suppressed)))
	}
	return ":" + b.String()
}

func toolName(t Tool) string {
	name := oneLine(t.Name + " " + t.Version)
	if name == "" {
		return "unknown tool"
	}
	return name
}

func mdFiles(s Scope) string {
	text := plural(s.Files, "backend file", "backend files") + ", " +
		plural(s.Lines, "line", "lines")
	if langs := ranked(s.Languages); len(langs) > 0 {
		text += " (" + listTallies(langs, escapeText) + ")"
	}
	if s.ConfigFiles > 0 {
		text += "; " + plural(s.ConfigFiles, "configuration file", "configuration files") +
			" read for secrets"
	}
	return text
}

func mdSkipped(skipped []Skip) string {
	if len(skipped) == 0 {
		return "none"
	}
	return strconv.Itoa(len(skipped)) + " (" + listTallies(skipReasons(skipped), escapeText) + ")"
}

// unreadReasons start the skip reasons that say a file could not be read as source,
// which a reader wants named: the rest (tests, dependencies, browser code) are routine.
var unreadReasons = []string{"binary", "unreadable", "not a regular file",
	"symbolic link", "larger than"}

// mdUnread names the files skipped for what they are rather than for where they sit,
// bounded like the partly parsed files, or returns "" when there are none.
func mdUnread(skipped []Skip) string {
	var parts []string
	n := 0
	for _, sk := range skipped {
		if !slices.ContainsFunc(unreadReasons, func(r string) bool {
			return strings.HasPrefix(sk.Reason, r)
		}) {
			continue
		}
		n++
		if len(parts) < maxParseIssues {
			parts = append(parts,
				codeSpan(oneLine(sk.File))+" ("+escapeText(oneLine(sk.Reason))+")")
		}
	}
	text := strings.Join(parts, ", ")
	if rest := n - len(parts); rest > 0 {
		text += " and " + plural(rest, "more file", "more files") + " (the JSON report lists all)"
	}
	return text
}

func mdParseIssues(issues []ParseIssue) string {
	shown := issues[:min(len(issues), maxParseIssues)]
	parts := make([]string, len(shown))
	for i, pi := range shown {
		parts[i] = codeSpan(oneLine(pi.File)) + syntaxErrorLines(pi.Lines)
	}

	text := strings.Join(parts, ", ")
	if rest := len(issues) - len(shown); rest > 0 {
		text += " and " + plural(rest, "more file", "more files")
	}
	if len(issues) == 1 {
		return text + "; this file was analysed for what parses"
	}
	return text + "; these files were analysed for what parses"
}

// mdIncomplete lists what was not analysed in full, each with its reason, bounded like
// the partly parsed files.
func mdIncomplete(gaps []Incomplete) string {
	shown := gaps[:min(len(gaps), maxParseIssues)]
	var b strings.Builder
	for _, g := range shown {
		what := "the whole program"
		if g.File != "" {
			what = codeSpan(oneLine(g.File))
		}
		b.WriteString("\n  - " + what + ": " + escapeText(oneLine(g.Reason)))
	}
	if rest := len(gaps) - len(shown); rest > 0 {
		b.WriteString("\n  - and " + plural(rest, "more", "more") + " (the JSON report lists all)")
	}
	return plural(len(gaps), "gap", "gaps") + " in the analysis" + ":" + b.String()
}

// syntaxErrorLines renders " (syntax errors at lines 3, 9)", or nothing without lines.
func syntaxErrorLines(lines []int) string {
	if len(lines) == 0 {
		return ""
	}

	nums := make([]string, len(lines))
	for i, n := range lines {
		nums[i] = strconv.Itoa(n)
	}
	if len(lines) == 1 {
		return " (syntax error at line " + nums[0] + ")"
	}
	return " (syntax errors at lines " + strings.Join(nums, ", ") + ")"
}
