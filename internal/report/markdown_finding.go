package report

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
)

// mdFinding renders one finding as a heading and the list of facts the checklist asks for.
func mdFinding(label string, f finding.Finding) string {
	r := f.Rule
	lines := []string{
		"### " + label + ". " + escapeText(oneLine(cmp.Or(f.Title, r.Title))),
		"- **Vulnerability**: " + mdVulnerability(r),
		"- **Severity**: " + f.Severity.Label() + " (confidence: " + f.Confidence.String() + ")",
		"- **Location**: " + codeSpan(oneLine(place(f.Location.File, f.Location.Line))),
	}
	if snippet := code(f.Snippet); snippet != "" {
		lines = append(lines, "- **Code**: "+codeSpan(snippet))
	}
	if impact := oneLine(cmp.Or(f.Impact, r.Impact)); impact != "" {
		lines = append(lines, "- **Impact**: "+impact)
	}

	lines = append(lines, mdFix(r, f.FixText(), f.FixCode())...)
	switch {
	case len(f.Trace) > 0:
		lines = append(lines, "- **Evidence**: "+chain(f.Trace, codeSpan, escapeText))
	case f.Dependency != nil:
		lines = append(lines, "- **Evidence**: "+mdDependency(f.Dependency))
	}
	return strings.Join(lines, "\n")
}

// mdVulnerability renders "SQL Injection (CWE-89, OWASP A03:2021 Injection)".
func mdVulnerability(r *rule.Rule) string {
	name := escapeText(oneLine(cmp.Or(r.Vulnerability, r.Title)))
	refs := make([]string, 0, len(r.CWE)+1)
	for _, id := range r.CWE {
		refs = append(refs, escapeText(oneLine(id)))
	}
	if len(r.OWASP) > 0 {
		refs = append(refs, "OWASP "+escapeText(oneLine(r.Category())))
	}

	if len(refs) == 0 {
		return name
	}
	return name + " (" + strings.Join(refs, ", ") + ")"
}

// mdFix renders the fix as one list item, with the example as a code block indented into
// the item so that renderers keep it under the fix rather than closing the list.
func mdFix(r *rule.Rule, fix, fixExample string) []string {
	text := oneLine(fix)
	example := exampleLines(fixExample)
	if text == "" && len(example) == 0 {
		return nil
	}

	lines := []string{strings.TrimSpace("- **Fix**: " + text)}
	if len(example) == 0 {
		return lines
	}

	ticks := fence(strings.Join(example, "\n"))
	lines = append(lines, "", "  "+ticks+fixLanguage(r))
	for _, l := range example {
		lines = append(lines, strings.TrimRight("  "+l, " "))
	}
	return append(lines, "  "+ticks)
}

// exampleLines splits a fix example into clean lines, without trailing spaces or blank
// lines at either end, and with blank runs squeezed to one so that the review never has
// two blank lines in a row.
func exampleLines(example string) []string {
	raw := strings.Split(clean(strings.ReplaceAll(example, "\r\n", "\n")), "\n")
	var lines []string
	for _, l := range raw {
		l = strings.TrimRight(l, " \t")
		if l == "" && (len(lines) == 0 || lines[len(lines)-1] == "") {
			continue
		}
		lines = append(lines, l)
	}

	if n := len(lines); n > 0 && lines[n-1] == "" {
		lines = lines[:n-1]
	}
	return lines
}

// fixLanguage is the info string of a fix example's code block: the short names that
// renderers highlight for the languages rampart knows best, else the language's own name.
func fixLanguage(r *rule.Rule) string {
	if len(r.Languages) == 0 {
		return ""
	}

	switch lang := r.Languages[0]; lang {
	case "javascript":
		return "js"
	case "typescript":
		return "ts"
	case "any":
		return ""
	default:
		// CommonMark does not take a backtick fence whose info string holds a backtick.
		name, _, _ := strings.Cut(oneLine(strings.ReplaceAll(lang, "`", "")), " ")
		return name
	}
}

// mdDependency states what the lockfile pins and what each advisory says about it:
// "`lodash@4.17.15`, direct; GHSA-… (CVE-…, critical, CVSS 9.8), fixed in 4.17.19; …".
func mdDependency(d *finding.Dependency) string {
	text := codeSpan(oneLine(d.Name+"@"+d.Version)) + " (" + escapeText(oneLine(d.Ecosystem))
	if d.Relation != "" {
		text += ", " + d.Relation
	}
	if d.Dev {
		text += ", development only"
	}
	text += ")"
	for _, a := range d.Advisories {
		text += "; " + escapeText(oneLine(advisoryLabel(a)))
	}
	return text
}

// advisoryLabel names an advisory with its aliases, rating and fixes.
func advisoryLabel(a finding.Advisory) string {
	refs := append([]string{a.Severity}, a.Aliases...)
	if a.Score > 0 {
		refs = append(refs, "CVSS "+strconv.FormatFloat(a.Score, 'f', 1, 64))
	}
	text := a.ID + " (" + strings.Join(refs, ", ") + ")"
	if len(a.Fixed) > 0 {
		return text + ", fixed in " + strings.Join(a.Fixed, ", ")
	}
	return text + ", no fixed version"
}
