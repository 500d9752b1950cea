package javascript

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/finding"
)

// TestAppFixtures builds the application model of each directory under testdata/app and
// runs the application checks. A line that must get a finding ends with
// `// want: RULE-ID`; no other line may get a finding of the rule the directory is named
// after, or of a rule a want comment of the directory names.
func TestAppFixtures(t *testing.T) {
	dirs, err := os.ReadDir("testdata/app")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			mods, want := lowerDir(t, "testdata/app/"+d.Name())
			findings, positives := CheckApps(buildApp(t, mods))
			for _, miss := range missingPositives(t, "testdata/app/"+d.Name(), positives) {
				t.Error(miss)
			}
			scope := checkedRules(d.Name(), want)
			got := make(map[string][]string)
			for _, f := range findings {
				if !scope[f.Rule.ID] {
					continue
				}
				k := fmt.Sprintf("%s:%d", f.Location.File, f.Location.Line)
				got[k] = append(got[k], f.Rule.ID)
			}
			for k := range got {
				slices.Sort(got[k])
			}
			for _, line := range diffKeys(want, got) {
				t.Error(line)
			}
		})
	}
}

// checkedRules returns the rules a fixture directory checks: the one it is named after
// ("idor-mounted" checks js.idor) and those its want comments name.
func checkedRules(dir string, want map[string][]string) map[string]bool {
	scope := make(map[string]bool)
	for _, r := range appRules {
		if name := r.ID[len("js."):]; dir == name || strings.HasPrefix(dir, name+"-") {
			scope[r.ID] = true
		}
	}
	for _, ids := range want {
		for _, id := range ids {
			scope[id] = true
		}
	}
	return scope
}

// positiveComment marks a line where a positive observation whose title starts with the
// text must be reported.
var positiveComment = regexp.MustCompile(`//\s*positive:\s*(.+)$`)

// missingPositives returns the positive observations a directory's fixtures expect and
// the checks did not report.
func missingPositives(t *testing.T, dir string, got []finding.Positive) []string {
	t.Helper()
	var missing []string
	files, _ := filepath.Glob(dir + "/*.[jt]s")
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rel := filepath.Base(path)
		for i, line := range strings.Split(string(src), "\n") {
			m := positiveComment.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			want := strings.TrimSpace(m[1])
			found := false
			for _, p := range got {
				found = found || p.Location.File == rel && p.Location.Line == i+1 &&
					strings.HasPrefix(p.Title, want)
			}
			if !found {
				missing = append(missing, fmt.Sprintf("%s:%d: no positive %q", rel, i+1, want))
			}
		}
	}
	return missing
}
