package rule

import (
	"fmt"
	"strings"
)

// Severity orders findings by how urgently they must be fixed. The zero value is invalid.
type Severity int

// Severities from least to most urgent; Low findings are best-practice violations.
const (
	Low Severity = iota + 1
	Medium
	High
	Critical
)

var severityNames = [...]string{Low: "low", Medium: "medium", High: "high", Critical: "critical"}

// String returns the lower-case name used in JSON and flags.
func (s Severity) String() string {
	if s < Low || s > Critical {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// Label returns the capitalised name used in the review.
func (s Severity) Label() string {
	name := s.String()
	return strings.ToUpper(name[:1]) + name[1:]
}

// ParseSeverity reads a severity name, case-insensitively.
func ParseSeverity(name string) (Severity, error) {
	for s := Low; s <= Critical; s++ {
		if strings.EqualFold(name, severityNames[s]) {
			return s, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want critical, high, medium or low)", name)
}

// Confidence says how sure the analysis is that a finding is real. The zero value is invalid.
type Confidence int

// Confidence levels: High means a complete source-to-sink path or an unambiguous pattern.
const (
	LowConfidence Confidence = iota + 1
	MediumConfidence
	HighConfidence
)

// String returns the lower-case name used in JSON and in the review.
func (c Confidence) String() string {
	switch c {
	case LowConfidence:
		return "low"
	case MediumConfidence:
		return "medium"
	case HighConfidence:
		return "high"
	}
	return fmt.Sprintf("confidence(%d)", int(c))
}
