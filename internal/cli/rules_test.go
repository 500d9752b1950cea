package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/scan"
)

// rulesDoc is the committed rule reference that rampart rules --format markdown writes.
var rulesDoc = filepath.Join("..", "..", "docs", "rules.md")

func TestRulesDocIsCurrent(t *testing.T) {
	code, got, stderr := run(t, "rules", "--format", "markdown")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if *update {
		if err := os.WriteFile(rulesDoc, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(rulesDoc)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Error("docs/rules.md is stale: run go test ./internal/cli -update " +
			"(or rampart rules --format markdown > docs/rules.md)")
	}
	for _, r := range scan.Catalog().All() {
		if !strings.Contains(got, "\n## "+r.ID+"\n") {
			t.Errorf("docs/rules.md has no section for %s", r.ID)
		}
	}
}

func TestExplain(t *testing.T) {
	code, out, stderr := run(t, "explain", "js.sql-injection")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"js.sql-injection  SQL injection", "CWE-89", "Impact\n",
		"Fix\n", "Vulnerable\n", "Safe\n", "pool.query('SELECT * FROM orders WHERE id = $1'"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"explain", "sql-injection"}, "did you mean js.nosql-injection, js.sql-injection?"},
		{[]string{"explain", "js.nope"}, "rampart rules lists them"},
		{[]string{"explain"}, "explain takes one rule id"},
		{[]string{"rules", "--format", "html"}, `unknown format "html"`},
	} {
		code, _, stderr := run(t, tc.args...)
		if code != exitError || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, stderr, tc.want)
		}
	}
}
