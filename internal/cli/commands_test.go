package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/scan"
)

func TestCommands(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{"no command", nil, exitError, nil, []string{"Usage:"}},
		{"help", []string{"help"}, exitOK, []string{"review", "scan", "rules"}, nil},
		{"unknown", []string{"audit"}, exitError, nil, []string{`unknown command "audit"`}},
		{"version", []string{"version"}, exitOK, []string{"rampart " + Version}, nil},
		{"rules", []string{"rules"}, exitOK,
			[]string{"js.sql-injection", "CWE-89", "A03:2021", "critical"}, nil},
		{"bad flag", []string{"scan", "--colour"}, exitError, nil, []string{"colour"}},
		{"bad format", []string{"scan", example, "--format", "xml"}, exitError, nil,
			[]string{`unknown format "xml"`}},
		{"missing path", []string{"scan", "does-not-exist"}, exitError, nil,
			[]string{"does-not-exist"}},
		{"two paths", []string{"scan", "a", "b"}, exitError, nil, []string{"one PATH"}},
		{"scan fail-on", []string{"scan", example, "--fail-on", "critical"}, exitFindings,
			[]string{"CRITICAL"}, nil},
		{"flags after path", []string{"scan", example, "--format", "json"}, exitOK,
			[]string{`"rule_id": "js.sql-injection"`}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstderr: %s", code, tc.code, stderr)
			}
			for _, want := range tc.stdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			for _, want := range tc.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
		})
	}
}

func TestReadmeListsEveryRule(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range scan.Catalog().All() {
		if !strings.Contains(string(readme), "`"+r.ID+"`") {
			t.Errorf("README.md does not document %s", r.ID)
		}
	}
}

func TestRoutesGolden(t *testing.T) {
	code, out, stderr := run(t, "routes", example)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkGolden(t, "example.routes.golden", out)
}
