package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReviewWritesUnderTheRoot(t *testing.T) {
	root := vulnerableRepo(t)
	code, stdout, stderr := run(t, "review", root, "--id", "PAY-142")
	if code != exitFindings {
		t.Fatalf("exit %d, want %d (a critical finding): %s", code, exitFindings, stderr)
	}
	path := filepath.Join(root, "ai", "reviews", "PAY-142_backend_security.md")
	review, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("review not written: %v", err)
	}
	if !strings.HasPrefix(string(review), "# Backend Security Review: PAY-142\n") {
		t.Errorf("review starts %q", firstLine(string(review)))
	}
	if stdout != "" {
		t.Errorf("review printed to stdout: %q", stdout)
	}
	for _, want := range []string{"1 critical", "server.js:3", "Review written to " + path} {
		if !strings.Contains(stderr, want) {
			t.Errorf("summary on stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestReviewFailOn(t *testing.T) {
	root := vulnerableRepo(t)
	for _, tc := range []struct {
		failOn string
		code   int
	}{
		{"critical", exitFindings},
		{"high", exitFindings},
		{"low", exitFindings},
		{"none", exitOK},
		{"severe", exitError},
	} {
		code, _, stderr := run(t, "review", root, "--id", "X-1", "--fail-on", tc.failOn)
		if code != tc.code {
			t.Errorf("--fail-on %s: exit %d, want %d (%s)", tc.failOn, code, tc.code, stderr)
		}
	}

	clean := t.TempDir()
	writeFile(t, clean, "app.js", "module.exports = (a, b) => a + b;\n")
	if code, _, stderr := run(t, "review", clean, "--id", "X-1"); code != exitOK {
		t.Errorf("clean repository: exit %d (%s)", code, stderr)
	}
}

func TestReviewOutFlag(t *testing.T) {
	root := vulnerableRepo(t)
	code, stdout, _ := run(t, "review", root, "--id", "X-1", "--out", "-", "--fail-on", "none")
	if code != exitOK || !strings.HasPrefix(stdout, "# Backend Security Review: X-1") {
		t.Errorf("--out -: exit %d, stdout starts %q", code, firstLine(stdout))
	}
	if _, err := os.Stat(filepath.Join(root, "ai")); !os.IsNotExist(err) {
		t.Error("--out - still created ai/ under the root")
	}

	out := filepath.Join(t.TempDir(), "review.md")
	run(t, "review", root, "--id", "X-1", "--out", out)
	if _, err := os.Stat(out); err != nil {
		t.Errorf("--out FILE: %v", err)
	}
}

func TestReviewRefusesUnsafeIDs(t *testing.T) {
	root := vulnerableRepo(t)
	for _, id := range []string{
		"../x", "..", ".hidden", "a/b", `a\b`, "/etc/passwd", "PAY 142", "x\x00y",
		strings.Repeat("A", 65), "ünïcode",
	} {
		code, _, stderr := run(t, "review", root, "--id", id)
		if code != exitError || !strings.Contains(stderr, "review ID") {
			t.Errorf("--id %q: exit %d, stderr %q; want a refusal", id, code, stderr)
		}
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("refused IDs still wrote files: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(root), "x_backend_security.md")); err == nil {
		t.Error("a review was written outside the root")
	}
}

func TestReviewIDFromBranch(t *testing.T) {
	for _, tc := range []struct {
		head, id, err string
	}{
		{head: "ref: refs/heads/feature/PAY-142-refunds\n", id: "PAY-142"},
		{head: "ref: refs/heads/SEC-7\n", id: "SEC-7"},
		{head: "ref: refs/heads/fix/typo\n", err: "a review ID is needed"},
		{head: "3f786850e387550fdab836ed7e6dc881de23001b\n", err: "detached"},
	} {
		root := vulnerableRepo(t)
		writeFile(t, root, ".git/HEAD", tc.head)
		code, _, stderr := run(t, "review", root, "--fail-on", "none")
		if tc.err != "" {
			if code != exitError || !strings.Contains(stderr, tc.err) {
				t.Errorf("HEAD %q: exit %d, stderr %q; want %q", tc.head, code, stderr, tc.err)
			}
			continue
		}
		path := filepath.Join(root, "ai", "reviews", tc.id+"_backend_security.md")
		if _, err := os.Stat(path); code != exitOK || err != nil {
			t.Errorf("HEAD %q: exit %d, %v (%s)", tc.head, code, err, stderr)
		}
	}
}

func TestReviewRefusesSymlinkedOutputDirectory(t *testing.T) {
	root := vulnerableRepo(t)
	elsewhere := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "ai"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(root, "ai", "reviews")); err != nil {
		t.Skip("symbolic links unavailable:", err)
	}
	code, _, stderr := run(t, "review", root, "--id", "X-1")
	if code != exitError || !strings.Contains(stderr, "symbolic link") {
		t.Errorf("exit %d, stderr %q; want a refusal", code, stderr)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("wrote through the link: %v", entries)
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func TestSecretsNeverPrinted(t *testing.T) {
	const secret = "reports-dev-session"
	for _, format := range []string{"text", "json", "markdown"} {
		_, stdout, stderr := run(t, "scan", example, "--format", format, "--verbose")
		if strings.Contains(stdout+stderr, secret) {
			t.Errorf("--format %s prints the secret in full", format)
		}
	}
}

func TestConfigAddsSourcesSinksAndSanitizers(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "app.js", `const app = require('express')();
const legacy = require('legacy-db');
const input = require('./input');
const { cleanHtml } = require('./html');

app.get('/a', (req, res) => legacy.runSql('SELECT * FROM t WHERE id = ' + req.query.id));
app.get('/b', (req, res) => res.send(cleanHtml(req.query.x)));
app.get('/c', (req, res) => res.send('<p>' + input.get('name')));
app.get('/d', (req, res) => res.send('<p>' + req.query.x));
`)
	writeFile(t, root, ".rampart.yaml", `dataflow:
  sources:
    - call: input.get
  sinks:
    - {class: sql, callee: legacy-db.runSql, args: [0]}
  sanitizers:
    - {callee: cleanHtml, classes: [xss]}
`)
	code, stdout, stderr := run(t, "scan", root, "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{`"line": 6`, `"line": 8`, `"line": 9`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no finding at %s:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, `"line": 7`) {
		t.Error("the configured sanitizer did not clean line 7")
	}
}

func TestBadConfigIsAnErrorWithItsLine(t *testing.T) {
	root := vulnerableRepo(t)
	writeFile(t, root, ".rampart.yaml", "dataflow:\n  sinks:\n    - {class: sqli, callee: x}\n")
	code, _, stderr := run(t, "scan", root)
	if code != exitError || !strings.Contains(stderr, "line 3") ||
		!strings.Contains(stderr, `unknown class "sqli"`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = run(t, "scan", root, "--config", filepath.Join(root, "none.yaml"))
	if code != exitError || !strings.Contains(stderr, "none.yaml") {
		t.Errorf("missing --config: exit %d, stderr %q", code, stderr)
	}
}
