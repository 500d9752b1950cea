package report

import (
	"reflect"
	"strings"
	"testing"
)

func TestJSONRoundTrip(t *testing.T) {
	for _, r := range []*Review{sampleReview(), emptyReview()} {
		want, err := NewJSONReview(r)
		if err != nil {
			t.Fatal(err)
		}

		got, err := DecodeJSON(strings.NewReader(render(t, JSON{}, r)))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("decoded review differs from the one written:\ngot  %+v\nwant %+v", got, want)
		}
	}
}

func TestJSONEmptyListsAreArrays(t *testing.T) {
	out := render(t, JSON{}, emptyReview())
	for _, want := range []string{
		`"findings": []`, `"positives": []`, `"skipped_files": []`, `"parse_errors": []`,
		`"languages": {}`, `"base": "origin/main"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("empty review JSON lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "null") {
		t.Errorf("empty review JSON holds null:\n%s", out)
	}
}

func TestJSONFinding(t *testing.T) {
	doc, err := DecodeJSON(strings.NewReader(render(t, JSON{}, sampleReview())))
	if err != nil {
		t.Fatal(err)
	}

	f := doc.Findings[0]
	want := JSONLocation{File: "src/routes/orders.js", Line: 42, Column: 5, EndLine: 42,
		EndColumn: 61}
	if f.RuleID != "js.sql-injection" || f.Severity != "critical" || f.Location != want {
		t.Errorf("first finding = %+v", f)
	}
	if len(f.Trace) != 4 || f.Fingerprint == "" {
		t.Errorf("first finding lost its trace or fingerprint: %+v", f)
	}
	if doc.Summary != (Summary{Critical: 1, High: 1, Low: 2, Positive: 2}) {
		t.Errorf("summary = %+v", doc.Summary)
	}
}

func TestJSONKeepsHTMLCharacters(t *testing.T) {
	out := render(t, JSON{}, sampleReview())
	if strings.Contains(out, `\u003c`) || strings.Contains(out, `\u0026`) {
		t.Error("JSON escapes HTML characters")
	}
	if !strings.HasSuffix(out, "}\n") {
		t.Error("JSON does not end with a newline")
	}
}

func TestDecodeJSONRejectsTrailingData(t *testing.T) {
	out := render(t, JSON{}, emptyReview())
	if _, err := DecodeJSON(strings.NewReader(out + "{}")); err == nil {
		t.Error("trailing document accepted")
	}
	if _, err := DecodeJSON(strings.NewReader(`{"findings": 3}`)); err == nil {
		t.Error("malformed document accepted")
	}
}
