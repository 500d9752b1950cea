package javascript

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/model"
)

// A fixture line that must be reported ends with `// want: RULE-ID` (several ids are
// separated by spaces); every other line must stay silent. Each rule has a fixture named
// after it holding its vulnerable cases and their safe twins.
var wantComment = regexp.MustCompile(`(?://|/\*)\s*want:\s*([a-z0-9.\- ]+)`)

func TestFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*.[jt]s")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := findingLines(t, filepath.Base(path), src)
			want := expectedLines(src)
			for _, line := range diffLines(want, got) {
				t.Errorf("line %s", line)
			}
		})
	}
}

func TestEveryRuleHasAFixtureWithVulnerableAndSafeCases(t *testing.T) {
	for _, r := range Rules() {
		name := strings.TrimPrefix(r.ID, "js.")
		files, _ := filepath.Glob("testdata/" + name + ".*")
		flowFiles, _ := filepath.Glob("testdata/flows/" + name + "*/*.[jt]s")
		appFiles, _ := filepath.Glob("testdata/app/" + name + "*/*.[jt]s")
		files = append(append(files, flowFiles...), appFiles...)
		if len(files) == 0 {
			t.Errorf("%s: no fixture testdata/%s.js or testdata/flows/%s/", r.ID, name, name)
			continue
		}
		hits, lines := 0, 0
		for _, path := range files {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, ids := range expectedLines(src) {
				if slices.Contains(ids, r.ID) {
					hits++
				}
			}
			lines += strings.Count(string(src), "\n")
		}
		if hits == 0 || lines-hits < hits {
			t.Errorf("%s: fixtures have %d vulnerable lines and should have at least as "+
				"many safe lines", r.ID, hits)
		}
	}
}

// TestRuleExamples checks that each rule's own vulnerable example, the one explain shows,
// is reported by one of the analyses, and that its safe example is not reported for that
// rule.
func TestRuleExamples(t *testing.T) {
	for _, r := range Rules() {
		if ids := exampleRules(t, r.Bad); !slices.Contains(ids, r.ID) {
			t.Errorf("%s: its vulnerable example is not reported:\n%s", r.ID, r.Bad)
		}
		if ids := exampleRules(t, r.Good); slices.Contains(ids, r.ID) {
			t.Errorf("%s: its safe example is reported:\n%s", r.ID, r.Good)
		}
	}
}

// exampleRules analyses a one-file example, with an Express app declared if the example
// uses one, and returns the ids of the rules reported.
func exampleRules(t *testing.T, example string) []string {
	t.Helper()
	src := []byte("const app = require('express')();\n" + example)
	var ids []string
	for _, f := range analyzeBoth(t, "example.js", src) {
		ids = append(ids, f.Rule.ID)
	}
	return ids
}

// analyzeBoth runs the pattern checks and the data-flow analysis on one file, as a scan
// does, and merges their findings.
func analyzeBoth(t *testing.T, name string, src []byte) []finding.Finding {
	t.Helper()
	lang := "javascript"
	if strings.HasSuffix(name, ".ts") || strings.HasSuffix(name, ".tsx") {
		lang = "typescript"
	}
	res, mod := AnalyzeFile(name, lang, mustParse(t, name, src))
	flows, err := AnalyzeFlows([]*model.Module{mod}, nil)
	if err != nil {
		t.Fatal(err)
	}
	app, _ := CheckApps(buildApp(t, []*model.Module{mod}))
	return append(MergeFindings(res.Findings, flows), app...)
}

// buildApp links modules and builds their application model.
func buildApp(t *testing.T, mods []*model.Module) *appmodel.Model {
	t.Helper()
	cat, err := AppCatalog()
	if err != nil {
		t.Fatal(err)
	}
	Link(mods)
	return appmodel.Build(mods, cat)
}

// findingLines maps each reported line to the sorted rule ids reported there.
func findingLines(t *testing.T, name string, src []byte) map[int][]string {
	t.Helper()
	got := make(map[int][]string)
	for _, f := range analyzeBoth(t, name, src) {
		if slices.Contains(appRules, f.Rule) {
			continue // application checks have fixtures of their own, in testdata/app
		}
		got[f.Location.Line] = append(got[f.Location.Line], f.Rule.ID)
	}
	for line := range got {
		slices.Sort(got[line])
	}
	return got
}

func expectedLines(src []byte) map[int][]string {
	want := make(map[int][]string)
	for i, line := range strings.Split(string(src), "\n") {
		if m := wantComment.FindStringSubmatch(line); m != nil {
			ids := strings.Fields(m[1])
			slices.Sort(ids)
			want[i+1] = ids
		}
	}
	return want
}

func diffLines(want, got map[int][]string) []string {
	var out []string
	for line, ids := range want {
		if !slices.Equal(ids, got[line]) {
			out = append(out, fmt.Sprintf("%d: want %v, got %v", line, ids, got[line]))
		}
	}
	for line, ids := range got {
		if _, ok := want[line]; !ok {
			out = append(out, fmt.Sprintf("%d: unexpected %v", line, ids))
		}
	}
	slices.Sort(out)
	return out
}

func TestSecretsAreRedacted(t *testing.T) {
	src, err := os.ReadFile("testdata/hardcoded-secret.js")
	if err != nil {
		t.Fatal(err)
	}
	res := Analyze("hardcoded-secret.js", mustParse(t, "s.js", src))
	secrets := []string{"sup3r-s3cret-signing-key", "keyboard cat", "cookie-signing-secret",
		"dev-secret", "hunter2-Prod!", "k3y-dev-9f8e7d6c", "rk_9fJ2kLq8ZpX3vW7b",
		"AKc9v8Z2x7Q1w0E3", "S3nd-M4il-2024"}
	for _, fd := range res.Findings {
		text := fd.Title + fd.Snippet + fd.Impact
		for _, s := range fd.Trace {
			text += s.Note
		}
		for _, secret := range secrets {
			if strings.Contains(text, secret) {
				t.Errorf("finding at line %d prints the secret %q", fd.Location.Line, secret)
			}
		}
	}
}

func TestPatternPositives(t *testing.T) {
	for _, tc := range []struct{ fixture, title string }{
		{"sql-injection.js", "SQL queries pass values as parameters"},
		{"jwt-missing-algorithms.js", "JWT verification pins the accepted algorithms"},
		{"hardcoded-secret.js", "The session secret is read from the environment"},
		{"hardcoded-secret.js", "Secrets are read from a secret manager"},
		{"insecure-randomness.js", "Random tokens come from the crypto module"},
		{"weak-password-hash.js", "Passwords are hashed with bcrypt"},
	} {
		src, err := os.ReadFile(filepath.Join("testdata", tc.fixture))
		if err != nil {
			t.Fatal(err)
		}
		res := Analyze(tc.fixture, mustParse(t, tc.fixture, src))
		found := false
		for _, p := range res.Positives {
			found = found || strings.HasPrefix(p.Title, tc.title)
		}
		if !found {
			t.Errorf("%s: no positive %q in %+v", tc.fixture, tc.title, res.Positives)
		}
	}
}
