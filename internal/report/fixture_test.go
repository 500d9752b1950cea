package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
)

var update = flag.Bool("update", false, "rewrite golden files")

var sqlRule = &rule.Rule{
	ID:            "js.sql-injection",
	Title:         "SQL injection",
	Vulnerability: "SQL Injection",
	CWE:           []string{"CWE-89"},
	OWASP:         []string{"A03:2021"},
	Severity:      rule.Critical,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Impact:        "An attacker can read or change any row the application's account can reach.",
	Fix:           "Pass request data as query parameters, never inside the SQL text.",
	FixExample: "const id = req.params.id;\n\n\n" +
		"db.query('SELECT * FROM orders WHERE id = $1', [id]);\n",
}

// pathRule's example holds a run of three backticks, which forces a longer fence.
var pathRule = &rule.Rule{
	ID:            "ts.path-traversal",
	Title:         "Path traversal",
	Vulnerability: "Path Traversal",
	CWE:           []string{"CWE-22", "CWE-23"},
	OWASP:         []string{"A01:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"typescript"},
	Impact:        "An attacker can read files outside the upload folder.",
	Fix:           "Resolve the path and check that it stays under the root.",
	FixExample:    "const md = \"```\";\nif (!full.startsWith(root)) throw new Forbidden();",
}

var headerRule = &rule.Rule{
	ID:            "js.missing-helmet",
	Title:         "Security headers not set",
	Vulnerability: "Security Misconfiguration",
	CWE:           []string{"CWE-693"},
	OWASP:         []string{"A05:2021"},
	Severity:      rule.Low,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript"},
	Impact:        "Browsers are left without defences against clickjacking and sniffing.",
	Fix:           "Add the `helmet()` middleware before the routes.",
}

var logRule = &rule.Rule{
	ID:            "js.log-injection",
	Title:         "Log injection",
	Vulnerability: "Log Injection",
	CWE:           []string{"CWE-117"},
	OWASP:         []string{"A09:2021"},
	Severity:      rule.Low,
	Confidence:    rule.LowConfidence,
	Languages:     []string{"go"},
	Impact:        "An attacker can forge log lines.",
	Fix:           "Log request data as a structured field.",
	FixExample:    "slog.Info(\"login\", \"user\", name)",
}

// sampleReview exercises every part of every format: a traced critical finding whose code
// holds backticks, a high finding with long multi-line code, two lows, no medium, positives,
// skips with two reasons and a partly parsed file.
func sampleReview() *Review {
	critical := finding.New(sqlRule, finding.Location{
		File: "src/routes/orders.js", Line: 42, Column: 5, EndLine: 42, EndColumn: 61,
	}, "db.query(`SELECT * FROM orders WHERE id = ${id}`)")
	critical.Title = "SQL injection in GET /orders/:id"
	critical.Trace = []finding.Step{
		{File: "src/routes/orders.js", Line: 38, Note: "req.params.id"},
		{File: "src/routes/orders.js", Line: 40, Note: "id"},
		{File: "src/db/query.js", Line: 7, Note: "sql"},
		{File: "src/db/query.js", Line: 9, Note: "db.query(`…${sql}`)"},
	}

	high := finding.New(pathRule, finding.Location{File: "src/files.ts", Line: 17, Column: 3},
		"res.sendFile(\n    path.join(UPLOAD_ROOT, req.params.name),\n"+
			"    { headers: { 'Content-Type': 'application/octet-stream' } },\n"+
			"    (err) => err && next(err))")
	high.Title = "Path traversal in GET /files/*"

	low1 := finding.New(headerRule, finding.Location{File: "src/app.js", Line: 3}, "")
	loginAt := finding.Location{File: "src/routes/login.js", Line: 12, Column: 9}
	low2 := finding.New(logRule, loginAt, `log.info("login " + name)`)
	findings := []finding.Finding{critical, high, low1, low2}
	// Fixed fingerprints keep the goldens independent of how the finding package hashes.
	for i := range findings {
		findings[i].Fingerprint = fmt.Sprintf("9c1f5e0d2a7b44e%d", i)
	}

	return &Review{
		Tool: Tool{Name: "rampart", Version: "0.1.0"},
		ID:   "PAY-142",
		Scope: Scope{
			Mode:      "all",
			Files:     12,
			Lines:     1234,
			Languages: map[string]int{"typescript": 2, "javascript": 10},
			Skipped: []Skip{
				{File: "public/app.js", Reason: "browser code"},
				{File: "src/blob.js", Reason: "binary"},
				{File: "src/orders.test.js", Reason: "test code"},
				{File: "web/main.js", Reason: "browser code"},
			},
			ParseIssues: []ParseIssue{{File: "src/bad.js", Lines: []int{3, 9}}},
			Incomplete: []Incomplete{
				{File: "src/huge.js", Reason: "the syntax tree has more than 1000000 nodes; " +
					"only secrets and suppressions were checked"},
				{Reason: "internal error in the data-flow analysis (boom); it was skipped",
					Internal: true},
			},
		},
		Findings: findings,
		Positives: []finding.Positive{
			{Title: "Passwords hashed with bcrypt", Location: finding.Location{
				File: "src/auth.js", Line: 21}},
			{Title: "Rate limiter on POST /login", Location: finding.Location{
				File: "src/routes/login.js", Line: 5}},
		},
	}
}

// emptyReview has nothing to report, the shape every section must still cope with.
func emptyReview() *Review {
	return &Review{
		Tool:  Tool{Name: "rampart", Version: "0.1.0"},
		ID:    "AUDIT-1",
		Scope: Scope{Mode: "diff", Base: "origin/main"},
	}
}

// checkGolden compares got with testdata/name, or rewrites the file under -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}

	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs at line %d; run go test -update and review the diff\ngot:\n%s",
			name, firstDifference(got, want), got)
	}
}

func firstDifference(a, b []byte) int {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return i + 1
		}
	}
	return min(len(al), len(bl)) + 1
}

// render runs one writer and fails the test on error.
func render(t *testing.T, w Writer, r *Review) string {
	t.Helper()
	var buf bytes.Buffer
	if err := w.Write(&buf, r); err != nil {
		t.Fatalf("%T: %v", w, err)
	}
	return buf.String()
}
