package report

import (
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
)

// WriteBrief writes the one-screen summary that `rampart review` prints on stderr: what
// was reviewed, the counts, the first limit findings (all of them when limit <= 0), what
// was skipped or only partly parsed, and where the full review went. An empty reviewPath
// leaves out the last line.
func WriteBrief(w io.Writer, r *Review, reviewPath string, limit int) error {
	if err := r.check(); err != nil {
		return fmt.Errorf("brief: %w", err)
	}

	sum := r.Summary()
	lines := []string{
		briefHeader(r),
		severityCounts(sum) + "; " +
			plural(sum.Positive, "positive observation", "positive observations"),
	}
	lines = append(lines, briefFindings(r.Findings, limit)...)
	if coverage := briefCoverage(r.Scope); coverage != "" {
		lines = append(lines, coverage)
	}
	if reviewPath != "" {
		lines = append(lines, "Review written to "+oneLine(reviewPath))
	}

	return emit(w, strings.Join(lines, "\n")+"\n", "brief")
}

// briefHeader renders "Backend security review PAY-142: whole repository, 12 files, 1234
// lines".
func briefHeader(r *Review) string {
	head := "Backend security review"
	if id := oneLine(r.ID); id != "" {
		head += " " + id
	}
	return head + ": " + scopeLabel(r.Scope, plain) + ", " +
		plural(r.Scope.Files, "file", "files") + ", " + plural(r.Scope.Lines, "line", "lines")
}

func briefFindings(fs []finding.Finding, limit int) []string {
	shown := fs
	if limit > 0 && len(fs) > limit {
		shown = fs[:limit]
	}

	lines := make([]string, 0, len(shown)+1)
	for _, f := range shown {
		at := place(f.Location.File, f.Location.Line)
		lines = append(lines, headline(f.Severity, at, cmp.Or(f.Title, f.Rule.Title)))
	}
	if rest := len(fs) - len(shown); rest > 0 {
		lines = append(lines, "… and "+strconv.Itoa(rest)+" more")
	}
	return lines
}

// briefCoverage renders "Skipped 3 files (test code: 3); 1 file partly parsed", or nothing
// when every file was reviewed in full.
func briefCoverage(s Scope) string {
	var parts []string
	if n := len(s.Skipped); n > 0 {
		reasons := listTallies(skipReasons(s.Skipped), plain)
		parts = append(parts, "Skipped "+plural(n, "file", "files")+" ("+reasons+")")
	}
	if n := len(s.ParseIssues); n > 0 {
		parts = append(parts, plural(n, "file", "files")+" partly parsed")
	}
	if n := len(s.Incomplete); n > 0 {
		parts = append(parts, plural(n, "gap", "gaps")+" in the analysis (see the review's "+
			"preamble)")
	}
	coverage := strings.Join(parts, "; ")
	if d := s.Dependencies; d != nil && dependencyGap(d) {
		if coverage != "" {
			coverage += "\n"
		}
		coverage += "Dependencies: " + dependencyCoverage(d, plain, plain)
	}
	return coverage
}

// dependencyGap reports whether the dependency check fell short of a full check
// against a current database, which terminal summaries must not leave out.
func dependencyGap(d *Dependencies) bool {
	return d.Lockfiles > 0 &&
		(d.Database == DatabaseMissing || d.Database == DatabaseStale ||
			len(d.Missing) > 0 || len(d.Problems) > 0)
}
