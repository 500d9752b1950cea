package report

import (
	"strconv"
	"strings"
)

// maxDependencyProblems bounds the unreadable lockfiles named in the preamble; the JSON
// lists all.
const maxDependencyProblems = 5

// dependencyCoverage says in one line how far the installed packages were checked:
// against which advisories, how fresh, and what could not be read. code renders file
// names and commands, and esc other text, for the format at hand.
func dependencyCoverage(d *Dependencies, code, esc func(string) string) string {
	update := code("rampart db update")
	counted := plural(d.Packages, "package", "packages") + " in " +
		plural(d.Lockfiles, "lockfile", "lockfiles")

	var text string
	switch {
	case d.Lockfiles == 0:
		text = "no lockfile found, so no installed version was checked for known " +
			"vulnerabilities"
	case d.Packages == 0 && len(d.Problems) > 0:
		text = "no installed version could be checked"
	case d.Packages == 0:
		text = plural(d.Lockfiles, "lockfile", "lockfiles") + " with no registry package " +
			"to check"
	case d.Database == DatabaseMissing:
		text = counted + " not checked: no advisory database for " +
			strings.Join(d.Missing, ", ") + " (run " + update + ")"
	case d.Database == DatabaseStale:
		text = counted + " checked against OSV advisories for " +
			strings.Join(d.Ecosystems, ", ") + " " + staleSince(d) + " (run " + update + ")"
	default:
		text = counted + " checked against the local OSV advisories for " +
			strings.Join(d.Ecosystems, ", ")
	}
	if d.Database != DatabaseMissing && len(d.Missing) > 0 {
		text += "; not checked, no advisories downloaded: " + strings.Join(d.Missing, ", ")
	}
	if len(d.Problems) > 0 {
		text += "; not checked: " + dependencyProblems(d.Problems, code, esc)
	}
	return text
}

func staleSince(d *Dependencies) string {
	limit := plural(d.MaxAgeDays, "day", "days")
	if d.FetchedAt == "" {
		return "of unknown age, with no record of their download"
	}
	return "fetched on " + d.FetchedAt + ", older than " + limit
}

func dependencyProblems(problems []Skip, code, esc func(string) string) string {
	shown := problems[:min(len(problems), maxDependencyProblems)]
	parts := make([]string, len(shown))
	for i, p := range shown {
		parts[i] = code(oneLine(p.File)) + " (" + esc(oneLine(p.Reason)) + ")"
	}
	text := strings.Join(parts, ", ")
	if rest := len(problems) - len(shown); rest > 0 {
		text += " and " + strconv.Itoa(rest) + " more"
	}
	return text
}
