package javascript

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
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
		matches, _ := filepath.Glob("testdata/" + name + ".*")
		if len(matches) == 0 {
			t.Errorf("%s: no fixture testdata/%s.js", r.ID, name)
			continue
		}
		src, err := os.ReadFile(matches[0])
		if err != nil {
			t.Fatal(err)
		}
		wants := expectedLines(src)
		hits := 0
		for _, ids := range wants {
			if slices.Contains(ids, r.ID) {
				hits++
			}
		}
		lines := strings.Count(string(src), "\n")
		if hits == 0 || lines-hits < hits {
			t.Errorf("%s: fixture has %d vulnerable lines and should have at least as many "+
				"safe lines", r.ID, hits)
		}
	}
}

func TestRuleExamples(t *testing.T) {
	for _, r := range Rules() {
		bad := Analyze("bad.js", mustParse(t, "bad.js", []byte(r.Bad)))
		if !hasRule(bad.Findings, r.ID) {
			t.Errorf("%s: its vulnerable example is not reported:\n%s", r.ID, r.Bad)
		}
		good := Analyze("good.js", mustParse(t, "good.js", []byte(r.Good)))
		if len(good.Findings) != 0 {
			t.Errorf("%s: its safe example is reported (%s):\n%s", r.ID,
				good.Findings[0].Rule.ID, r.Good)
		}
	}
}

// findingLines maps each reported line to the sorted rule ids reported there.
func findingLines(t *testing.T, name string, src []byte) map[int][]string {
	t.Helper()
	res := Analyze(name, mustParse(t, name, src))
	got := make(map[int][]string)
	for _, f := range res.Findings {
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
		"dev-secret"}
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
