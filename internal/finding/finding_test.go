package finding

import (
	"testing"

	"github.com/rampart-sec/rampart/internal/rule"
)

var testRule = &rule.Rule{ID: "js.test", Title: "t", Severity: rule.High}

func TestFingerprintSurvivesMovingCode(t *testing.T) {
	at := func(line int, snippet string) Finding {
		return New(testRule, Location{File: "a.js", Line: line, Column: 3}, snippet)
	}
	before := []Finding{at(10, "eval(x)"), at(20, "eval(x)"), at(30, "eval(y)")}
	after := []Finding{at(14, "eval(x)"), at(25, "  eval(x)"), at(31, "eval(y)")}
	Fingerprint(before)
	Fingerprint(after)

	for i := range before {
		if before[i].Fingerprint != after[i].Fingerprint {
			t.Errorf("finding %d: fingerprint changed when the code moved", i)
		}
	}
	if before[0].Fingerprint == before[1].Fingerprint {
		t.Error("two occurrences of the same code share a fingerprint")
	}
}

func TestSortBySeverityThenLocation(t *testing.T) {
	low := &rule.Rule{ID: "js.low", Severity: rule.Low}
	fs := []Finding{
		New(low, Location{File: "a.js", Line: 1}, ""),
		New(testRule, Location{File: "b.js", Line: 5}, ""),
		New(testRule, Location{File: "a.js", Line: 9}, ""),
	}
	Sort(fs)
	got := []string{fs[0].Location.String(), fs[1].Location.String(), fs[2].Location.String()}
	want := []string{"a.js:9", "b.js:5", "a.js:1"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order = %v, want %v", got, want)
		}
	}
}
