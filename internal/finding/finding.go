// Package finding holds the one result type that every rampart analyzer produces, with the
// ordering and fingerprints that make reports deterministic and comparable across runs.
package finding

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/rule"
)

// Location is a span in a reviewed file. File is relative to the reviewed root with forward
// slashes; lines and columns are 1-based, columns counted in bytes.
type Location struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column,omitempty"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
}

// String returns "file:line".
func (l Location) String() string { return l.File + ":" + strconv.Itoa(l.Line) }

// Step is one hop of a data-flow trace, from the source to the sink.
type Step struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Note string `json:"note"`
}

// Finding is one problem found in the reviewed code. New fills it from its rule; an
// analyzer may then sharpen the title, severity, confidence or impact for the case at hand.
type Finding struct {
	Rule        *rule.Rule
	Title       string
	Severity    rule.Severity
	Confidence  rule.Confidence
	Location    Location
	Snippet     string
	Impact      string
	Trace       []Step
	Fingerprint string
	// Suppressed is the reason a rampart:ignore comment gives, for a silenced finding.
	Suppressed string
	// Fix and FixExample replace the rule's when the analysis knows the exact remedy,
	// such as the version to upgrade a package to; empty means the rule's.
	Fix        string
	FixExample string
	// Dependency is the vulnerable package, for findings about one.
	Dependency *Dependency
	// Variant tells apart findings on the same code whose substance differs, such as the
	// advisories of one package version: a new advisory makes a new fingerprint, so a
	// baseline does not hide it.
	Variant string
}

// FixText returns the finding's fix, or its rule's.
func (f *Finding) FixText() string {
	if f.Fix != "" {
		return f.Fix
	}
	return f.Rule.Fix
}

// FixCode returns the finding's fix example, or its rule's.
func (f *Finding) FixCode() string {
	if f.Fix != "" {
		return f.FixExample
	}
	return f.Rule.FixExample
}

// Dependency is an installed package that known advisories affect.
type Dependency struct {
	Ecosystem string
	Name      string
	Version   string
	// Relation is "direct", "transitive" or "" when the lockfile does not say; Dev marks
	// a package needed only to build or test.
	Relation string
	Dev      bool
	// Advisories affect the installed version, in id order.
	Advisories []Advisory
	// Upgrade is the smallest version that removes every advisory, or "".
	Upgrade string
}

// Advisory is one published vulnerability of a package.
type Advisory struct {
	ID       string
	Aliases  []string
	Summary  string
	Severity string  // "critical", "high", "medium" or "low"
	Score    float64 // CVSS v3 base score, 0 when the record has none
	Fixed    []string
}

// New returns a finding of rule r at loc with the rule's metadata.
func New(r *rule.Rule, loc Location, snippet string) Finding {
	return Finding{
		Rule:       r,
		Title:      r.Title,
		Severity:   r.Severity,
		Confidence: r.Confidence,
		Location:   loc,
		Snippet:    snippet,
		Impact:     r.Impact,
	}
}

// Positive is a good security practice seen in the reviewed code.
type Positive struct {
	Title    string   `json:"title"`
	Location Location `json:"location"`
}

// Sort orders findings by severity (most urgent first), then file, line, column and rule, so
// that every report lists them in the same order for the same input.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(b.Severity, a.Severity),
			compareLocation(a.Location, b.Location),
			strings.Compare(a.Rule.ID, b.Rule.ID),
		)
	})
}

// SortPositives orders positives by location, then title, and drops exact repeats.
func SortPositives(ps []Positive) []Positive {
	slices.SortFunc(ps, func(a, b Positive) int {
		return cmp.Or(compareLocation(a.Location, b.Location), strings.Compare(a.Title, b.Title))
	})
	return slices.Compact(ps)
}

func compareLocation(a, b Location) int {
	return cmp.Or(
		strings.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
	)
}

// Fingerprint sets each finding's fingerprint from its rule, file and code, not its line,
// so a finding keeps its fingerprint when the code around it moves. Identical code flagged
// twice in one file is told apart by its order of appearance.
func Fingerprint(fs []Finding) {
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return compareLocation(fs[a].Location, fs[b].Location)
	})

	seen := make(map[string]int)
	for _, i := range order {
		f := &fs[i]
		key := f.Rule.ID + "\x00" + f.Location.File + "\x00" + normalize(f.Snippet)
		if f.Variant != "" {
			key += "\x00" + f.Variant
		}
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
		f.Fingerprint = hex.EncodeToString(sum[:8])
	}
}

// normalize collapses whitespace so that re-indenting code keeps its fingerprint.
func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }
