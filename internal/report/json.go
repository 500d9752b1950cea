package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// JSON writes the review as a JSONReview document, the interface that scripts and later
// tools read. Field names and shapes are stable; fields are only ever added.
type JSON struct{}

// JSONReview is the document the JSON writer produces and DecodeJSON reads. Its lists are
// never null, so a reader can range over them without checking.
type JSONReview struct {
	Tool      Tool           `json:"tool"`
	ID        string         `json:"id"`
	Scope     JSONScope      `json:"scope"`
	Summary   Summary        `json:"summary"`
	Findings  []JSONFinding  `json:"findings"`
	Positives []JSONPositive `json:"positives"`
	// Suppressed lists the findings rampart:ignore comments silenced, when asked for.
	Suppressed []JSONSuppressed `json:"suppressed,omitempty"`
}

// JSONSuppressed is a silenced finding and the reason its comment gives.
type JSONSuppressed struct {
	RuleID      string       `json:"rule_id"`
	Title       string       `json:"title"`
	Location    JSONLocation `json:"location"`
	Reason      string       `json:"reason"`
	Fingerprint string       `json:"fingerprint"`
}

// JSONScope says what was reviewed. Skipped counts SkippedFiles, for readers that only
// want the number.
type JSONScope struct {
	Mode         string         `json:"mode"`
	Base         string         `json:"base,omitempty"`
	Files        int            `json:"files"`
	Lines        int            `json:"lines"`
	Languages    map[string]int `json:"languages"`
	ConfigFiles  int            `json:"config_files"`
	Skipped      int            `json:"skipped"`
	SkippedFiles []Skip         `json:"skipped_files"`
	ParseErrors  []ParseIssue   `json:"parse_errors"`
	// Incomplete lists what was not analysed in full: budgets passed, internal errors.
	Incomplete    []Incomplete `json:"incomplete,omitempty"`
	Note          string       `json:"note,omitempty"`
	Commits       int          `json:"commits,omitempty"`
	ChangedFiles  int          `json:"changed_files,omitempty"`
	ChangedConfig int          `json:"changed_config_files,omitempty"`
	OutOfScope    int          `json:"out_of_scope,omitempty"`
	Suppressed    int          `json:"suppressed,omitempty"`
	Baselined     int          `json:"baselined,omitempty"`
	// FixtureSecrets counts credentials in test fixtures, which are not reported.
	FixtureSecrets int `json:"fixture_secrets,omitempty"`
	// Dependencies says how far installed packages were checked for advisories.
	Dependencies *Dependencies `json:"dependencies,omitempty"`
}

// JSONFinding is one finding with its rule's metadata spelled out, so that a reader needs
// no rule catalog to act on it.
type JSONFinding struct {
	RuleID        string       `json:"rule_id"`
	Title         string       `json:"title"`
	Vulnerability string       `json:"vulnerability"`
	CWE           []string     `json:"cwe"`
	OWASP         []string     `json:"owasp"`
	Severity      string       `json:"severity"`
	Confidence    string       `json:"confidence"`
	Location      JSONLocation `json:"location"`
	Snippet       string       `json:"snippet"`
	Impact        string       `json:"impact"`
	Fix           string       `json:"fix"`
	FixExample    string       `json:"fix_example,omitempty"`
	Trace         []JSONStep   `json:"trace,omitempty"`
	// Dependency is the vulnerable package, for findings about one.
	Dependency  *JSONDependency `json:"dependency,omitempty"`
	Fingerprint string          `json:"fingerprint"`
}

// JSONDependency is an installed package and the advisories that affect it. Relation
// is "direct", "transitive" or absent when the lockfile does not say; Upgrade is the
// smallest version that removes every advisory, absent when none does.
type JSONDependency struct {
	Ecosystem  string         `json:"ecosystem"`
	Name       string         `json:"name"`
	Version    string         `json:"version"`
	Relation   string         `json:"relation,omitempty"`
	Dev        bool           `json:"dev"`
	Advisories []JSONAdvisory `json:"advisories"`
	Upgrade    string         `json:"upgrade,omitempty"`
}

// JSONAdvisory is one published vulnerability. Score is the CVSS v3 base score, absent
// when the record has none.
type JSONAdvisory struct {
	ID       string   `json:"id"`
	Aliases  []string `json:"aliases"`
	Summary  string   `json:"summary"`
	Severity string   `json:"severity"`
	Score    float64  `json:"cvss_score,omitempty"`
	Fixed    []string `json:"fixed"`
}

// JSONLocation is a span in a reviewed file: the path is relative to the reviewed root with
// forward slashes, lines and columns are 1-based, and unknown columns are left out.
type JSONLocation struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column,omitempty"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
}

// JSONStep is one hop of a finding's data flow, from the source to the sink.
type JSONStep struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Note string `json:"note"`
}

// JSONPositive is a good security practice seen in the reviewed code.
type JSONPositive struct {
	Title    string       `json:"title"`
	Location JSONLocation `json:"location"`
}

// Write renders r as an indented JSONReview followed by a newline.
func (JSON) Write(w io.Writer, r *Review) error {
	doc, err := NewJSONReview(r)
	if err != nil {
		return fmt.Errorf("json review: %w", err)
	}

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	// Snippets are full of < and &; \u003c would make them unreadable, and nothing embeds
	// this document in HTML.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("encode json review: %w", err)
	}

	return emit(w, buf.String(), "json")
}

// DecodeJSON reads a document written by the JSON writer. Unknown fields are ignored, so
// that a reader keeps working when later versions add some.
func DecodeJSON(r io.Reader) (*JSONReview, error) {
	var doc JSONReview
	dec := json.NewDecoder(r)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("decode json review: %w", err)
	}

	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("decode json review: data after the document")
	}
	return &doc, nil
}
