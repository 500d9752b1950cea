package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestTextFindingBlock(t *testing.T) {
	out := render(t, Text{}, sampleReview())
	want := "CRITICAL  src/routes/orders.js:42:5  SQL injection in GET /orders/:id" +
		"  [js.sql-injection]\n" +
		"    db.query(`SELECT * FROM orders WHERE id = ${id}`)\n" +
		"    flow: req.params.id (src/routes/orders.js:38) → id (:40) → " +
		"sql (src/db/query.js:7) → db.query(`…${sql}`) (:9)\n\n"
	if !strings.HasPrefix(out, want) {
		t.Errorf("text starts\n%s\nwant\n%s", out, want)
	}

	summary := "1 critical, 1 high, 0 medium, 2 low · 2 positive · " +
		"12 files reviewed, 4 skipped, 2 gaps in the analysis\n"
	if !strings.HasSuffix(out, "\n\n"+summary) {
		t.Errorf("text does not end with the summary line:\n%s", out)
	}
}

func TestTextNoFindings(t *testing.T) {
	out := render(t, Text{}, emptyReview())
	want := "No findings.\n\n" +
		"0 critical, 0 high, 0 medium, 0 low · 0 positive · 0 files reviewed, 0 skipped\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestBriefLimit(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteBrief(&buf, sampleReview(), "", 1); err != nil {
		t.Fatal(err)
	}

	out := buf.String()
	if !strings.Contains(out, "CRITICAL  src/routes/orders.js:42  SQL injection") {
		t.Errorf("brief lacks the first finding:\n%s", out)
	}
	if strings.Contains(out, "HIGH") || !strings.Contains(out, "… and 3 more\n") {
		t.Errorf("brief not cut after one finding:\n%s", out)
	}
	if strings.Contains(out, "Review written") {
		t.Errorf("brief names a review path it was not given:\n%s", out)
	}
}

func TestBriefAllWithoutLimit(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteBrief(&buf, emptyReview(), "r.md", 0); err != nil {
		t.Fatal(err)
	}

	want := "Backend security review AUDIT-1: changes since origin/main, 0 files, 0 lines\n" +
		"0 critical, 0 high, 0 medium, 0 low; 0 positive observations\n" +
		"Review written to r.md\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
