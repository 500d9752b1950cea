package report

import (
	"strings"
	"testing"
)

// checklistSections are the checklist's headings and comments, in the checklist's order.
var checklistSections = []string{
	"## Critical Vulnerabilities\n<!-- Must fix before deployment -->\n",
	"## High Risk Issues\n<!-- Significant security risk -->\n",
	"## Medium Risk Issues\n<!-- Should be addressed -->\n",
	"## Best Practice Violations\n<!-- Security improvements -->\n",
	"## Positive Observations\n<!-- Good security practices -->\n",
}

func checkSections(t *testing.T, md string) {
	t.Helper()
	last := -1
	for _, s := range checklistSections {
		heading, _, _ := strings.Cut(s, "\n")
		if n := strings.Count(md, heading+"\n"); n != 1 {
			t.Errorf("%q appears %d times, want once", heading, n)
		}

		at := strings.Index(md, s)
		if at < 0 {
			t.Errorf("%q is not followed by its comment", heading)
			continue
		}
		if at < last {
			t.Errorf("%q is out of order", heading)
		}
		last = at
	}
}

func TestMarkdownSectionsInOrder(t *testing.T) {
	md := render(t, Markdown{}, sampleReview())
	checkSections(t, md)

	if !strings.HasPrefix(md, "# Backend Security Review: PAY-142\n\n") {
		t.Errorf("review does not open with its title:\n%s", md)
	}
	for _, want := range []string{"### C1. ", "### H1. ", "### L1. ", "### L2. ",
		"No medium risk issues found."} {
		if !strings.Contains(md, want) {
			t.Errorf("review lacks %q", want)
		}
	}
}

func TestMarkdownEmptyReview(t *testing.T) {
	md := render(t, Markdown{}, emptyReview())
	checkSections(t, md)

	for _, want := range []string{
		"No critical vulnerabilities found.",
		"No high risk issues found.",
		"No medium risk issues found.",
		"No best practice violations found.",
		"No positive observations recorded.",
		"- **Scope**: changes since `origin/main`\n",
		"- **Files skipped**: none\n",
		"- **Findings**: 0 critical, 0 high, 0 medium, 0 low; 0 positive observations\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("empty review lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Partly parsed") {
		t.Error("empty review mentions partly parsed files")
	}
}

func TestMarkdownBlankLines(t *testing.T) {
	for _, r := range []*Review{sampleReview(), emptyReview()} {
		md := render(t, Markdown{}, r)
		if strings.Contains(md, "\n\n\n") {
			t.Error("two blank lines in a row")
		}
		if !strings.HasSuffix(md, "\n") || strings.HasSuffix(md, "\n\n") {
			t.Error("review does not end with exactly one newline")
		}
	}
}

func TestMarkdownFinding(t *testing.T) {
	md := render(t, Markdown{}, sampleReview())
	for _, want := range []string{
		"- **Vulnerability**: SQL Injection (CWE-89, OWASP A03:2021 Injection)\n",
		"- **Vulnerability**: Path Traversal (CWE-22, CWE-23, " +
			"OWASP A01:2021 Broken Access Control)\n",
		"- **Severity**: Critical (confidence: high)\n",
		"- **Location**: `src/routes/orders.js:42`\n",
		"- **Code**: `` db.query(`SELECT * FROM orders WHERE id = ${id}`) ``\n",
		"- **Evidence**: `req.params.id` (src/routes/orders.js:38) → `id` (:40) → " +
			"`sql` (src/db/query.js:7) → `` db.query(`…${sql}`) `` (:9)\n",
		"  ```js\n  const id = req.params.id;\n\n  db.query(",
		"  ````ts\n  const md = \"```\";\n",
		"### H1. Path traversal in GET /files/\\*\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("review lacks %q", want)
		}
	}
}

func TestMarkdownOmitsEmptyParts(t *testing.T) {
	r := sampleReview()
	r.Findings = r.Findings[2:3] // the low finding with no code, trace or fix example
	md := render(t, Markdown{}, r)

	for _, absent := range []string{"**Code**", "**Evidence**", "```"} {
		if strings.Contains(md, absent) {
			t.Errorf("review shows %q for a finding without it", absent)
		}
	}
}

func TestMarkdownCutsLongCode(t *testing.T) {
	r := sampleReview()
	r.Findings[0].Snippet = "x(" + strings.Repeat("a ", 200) + ")"
	md := render(t, Markdown{}, r)

	line := lineWith(md, "- **Code**: ")
	if !strings.HasSuffix(line, "…`") || len([]rune(line)) > len("- **Code**: ``")+maxCode {
		t.Errorf("long code not cut: %q", line)
	}
}

// TestMarkdownEscapesTracePaths: a path is plain text in the evidence line, and a path
// taken from the reviewed tree may hold Markdown.
func TestMarkdownEscapesTracePaths(t *testing.T) {
	r := sampleReview()
	r.Findings[0].Trace[0].File = "src/*x*/<a>.js"
	md := render(t, Markdown{}, r)

	if !strings.Contains(md, "`req.params.id` (src/\\*x\\*/\\<a>.js:38) → `id` (src/") {
		t.Errorf("trace path not escaped:\n%s", lineWith(md, "- **Evidence**"))
	}
}

func lineWith(s, prefix string) string {
	for line := range strings.Lines(s) {
		if strings.HasPrefix(line, prefix) {
			return strings.TrimSuffix(line, "\n")
		}
	}
	return ""
}
