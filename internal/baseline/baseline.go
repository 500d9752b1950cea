// Package baseline records the findings a project has accepted for now, by fingerprint,
// so that a review lists only new ones. Fingerprints hash a finding's rule, file and code,
// not its line, so a baseline survives code moving up or down and changes when the
// flagged code does.
package baseline

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
)

// FileName is the baseline file rampart writes at the reviewed root by default.
const FileName = ".rampart-baseline.json"

// formatVersion is the version of the file format.
const formatVersion = 1

// File is the content of a baseline file.
type File struct {
	Tool     string  `json:"tool"`
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding; the rule, file and line help a reader, the fingerprint
// is what matches.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	RuleID      string `json:"rule_id"`
	File        string `json:"file"`
	Line        int    `json:"line"`
}

// New makes a baseline of findings, sorted so that the file is stable.
func New(fs []finding.Finding) *File {
	b := &File{Tool: "rampart", Version: formatVersion, Findings: []Entry{}}
	for _, f := range fs {
		b.Findings = append(b.Findings, Entry{
			Fingerprint: f.Fingerprint, RuleID: f.Rule.ID,
			File: f.Location.File, Line: f.Location.Line,
		})
	}
	slices.SortFunc(b.Findings, func(x, y Entry) int {
		if c := strings.Compare(x.File, y.File); c != 0 {
			return c
		}
		if x.Line != y.Line {
			return x.Line - y.Line
		}
		return strings.Compare(x.Fingerprint, y.Fingerprint)
	})
	return b
}

// Write writes the baseline to path.
func (b *File) Write(path string) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}

// Read reads a baseline file, refusing anything else.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	var b File
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("baseline %s: not a rampart baseline: %w", path, err)
	}
	if b.Tool != "rampart" || b.Version != formatVersion {
		return nil, fmt.Errorf("baseline %s: not a rampart baseline of version %d", path,
			formatVersion)
	}
	return &b, nil
}

// Filter drops the findings the baseline holds and returns how many it dropped.
func (b *File) Filter(fs []finding.Finding) ([]finding.Finding, int) {
	known := make(map[string]bool, len(b.Findings))
	for _, e := range b.Findings {
		known[e.Fingerprint] = true
	}
	var kept []finding.Finding
	for _, f := range fs {
		if !known[f.Fingerprint] {
			kept = append(kept, f)
		}
	}
	return kept, len(fs) - len(kept)
}
