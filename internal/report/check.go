package report

import (
	"errors"
	"fmt"
	"io"

	"github.com/rampart-sec/rampart/internal/rule"
)

// check refuses a review that no format could show faithfully: a finding without its rule
// has no CWE, impact or fix, and one with an unknown severity belongs to no section.
func (r *Review) check() error {
	if r == nil {
		return errors.New("no review")
	}

	for i, f := range r.Findings {
		at := fmt.Sprintf("finding %d at %s", i+1, valid(f.Location.String()))
		switch {
		case f.Rule == nil:
			return fmt.Errorf("%s: no rule", at)
		case f.Severity < rule.Low || f.Severity > rule.Critical:
			return fmt.Errorf("%s: invalid %v", at, f.Severity)
		case f.Confidence < rule.LowConfidence || f.Confidence > rule.HighConfidence:
			return fmt.Errorf("%s: invalid %v", at, f.Confidence)
		}
	}
	return nil
}

// emit writes a finished document in one call, so that a failure leaves no half-written
// report behind the error.
func emit(w io.Writer, doc, format string) error {
	if _, err := io.WriteString(w, doc); err != nil {
		return fmt.Errorf("write %s: %w", format, err)
	}
	return nil
}
