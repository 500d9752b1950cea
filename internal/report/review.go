// Package report renders a review in the formats rampart writes: the Markdown review of the
// checklist, the JSON interface for machines, and text for terminals. Every writer reads the
// same Review value and produces byte-identical output for the same input.
package report

import (
	"io"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
)

// Tool names the program that wrote the review.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Skip is a file that was not reviewed, and why.
type Skip struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// Incomplete is a part of the analysis that did not run in full: a file that went past
// its time or memory budget, or a stage stopped by an internal error.
type Incomplete struct {
	// File is the file concerned, relative to the root; empty for the analyses of the
	// whole program.
	File   string `json:"file,omitempty"`
	Reason string `json:"reason"`
	// Internal is set when a bug in rampart stopped the stage.
	Internal bool `json:"internal_error,omitempty"`
}

// ParseIssue is a reviewed file whose syntax could only be partly understood.
type ParseIssue struct {
	File string `json:"file"`
	// Lines are the first lines with syntax errors, ascending.
	Lines []int `json:"lines"`
}

// Scope says what was reviewed. Mode is "all" for a whole-tree review.
type Scope struct {
	Mode string `json:"mode"`
	Base string `json:"base,omitempty"`
	// Files and Lines count the backend files reviewed.
	Files int `json:"files"`
	Lines int `json:"lines"`
	// Languages counts the reviewed files per language.
	Languages map[string]int `json:"languages"`
	// ConfigFiles counts the configuration files read for secrets.
	ConfigFiles int `json:"config_files,omitempty"`
	// Skipped lists the files left out of the review, sorted by path.
	Skipped []Skip `json:"-"`
	// ParseIssues lists the reviewed files with syntax errors, sorted by path.
	ParseIssues []ParseIssue `json:"parse_errors,omitempty"`
	// Incomplete lists what was not analysed in full, by file in path order, then what
	// the whole-program analysis could not do (File empty).
	Incomplete []Incomplete `json:"incomplete,omitempty"`
	// Note says why the scope is what it is when it is not what was asked for, such as a
	// whole-tree review outside git.
	Note string `json:"note,omitempty"`
	// For a review of a change (Mode "diff"): the commits since the base (-1 unknown), the
	// changed backend files among those reviewed, and the findings outside the change
	// that the review does not list.
	Commits      int `json:"commits,omitempty"`
	ChangedFiles int `json:"changed_files,omitempty"`
	// ChangedConfig counts the changed configuration files, manifests and lockfiles.
	ChangedConfig int `json:"changed_config_files,omitempty"`
	OutOfScope    int `json:"out_of_scope,omitempty"`
	// Suppressed counts the findings an inline rampart:ignore comment silenced.
	Suppressed int `json:"suppressed,omitempty"`
	// Baselined counts the findings a baseline file holds, which are not listed.
	Baselined int `json:"baselined,omitempty"`
	// FixtureSecrets counts the credentials found in test fixtures, which are not
	// reported.
	FixtureSecrets int `json:"fixture_secrets,omitempty"`
	// Dependencies says how far the installed packages were checked for advisories.
	Dependencies *Dependencies `json:"dependencies,omitempty"`
}

// States of the advisory database, as Dependencies.Database gives them.
const (
	DatabaseUnused  = "unused"  // no lockfile, nothing to check
	DatabaseCurrent = "current" // checked against a database younger than the limit
	DatabaseStale   = "stale"   // checked, against a database older than the limit
	DatabaseMissing = "missing" // not checked: no database for the ecosystems needed
)

// Dependencies is what the dependency check covered.
type Dependencies struct {
	Lockfiles int `json:"lockfiles"`
	Packages  int `json:"packages"`
	// Database is one of the Database* states.
	Database string `json:"database"`
	// Ecosystems were checked; Missing ones were needed but absent from the database.
	Ecosystems []string `json:"ecosystems,omitempty"`
	Missing    []string `json:"missing,omitempty"`
	// FetchedAt is the date of the oldest archive used, given when it is stale, and
	// MaxAgeDays the age limit.
	FetchedAt  string `json:"fetched_at,omitempty"`
	MaxAgeDays int    `json:"max_age_days,omitempty"`
	// Problems are lockfiles and packages that could not be read or checked.
	Problems []Skip `json:"problems,omitempty"`
}

// Review is everything a report shows.
type Review struct {
	Tool      Tool
	ID        string
	Scope     Scope
	Findings  []finding.Finding
	Positives []finding.Positive
	// Suppressed are silenced findings to list (--show-suppressed); Scope.Suppressed
	// counts them whether they are listed or not.
	Suppressed []finding.Finding
}

// Summary counts findings by severity and the positive observations.
type Summary struct {
	Critical int `json:"critical"`
	High     int `json:"high"`
	Medium   int `json:"medium"`
	Low      int `json:"low"`
	Positive int `json:"positive"`
}

// Summary counts the review's findings by severity.
func (r *Review) Summary() Summary {
	s := Summary{Positive: len(r.Positives)}
	for _, f := range r.Findings {
		switch f.Severity {
		case rule.Critical:
			s.Critical++
		case rule.High:
			s.High++
		case rule.Medium:
			s.Medium++
		case rule.Low:
			s.Low++
		}
	}
	return s
}

// Writer renders a review in one format.
type Writer interface {
	Write(w io.Writer, r *Review) error
}
