package javascript

import (
	"fmt"
	"os"
	"slices"
	"testing"
)

// TestAppFixtures builds the application model of each directory under testdata/app and
// runs the application checks. A line that must get a finding ends with
// `// want: RULE-ID`; no other line may get one of an application check.
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
			findings, _ := CheckApps(buildApp(t, mods))
			got := make(map[string][]string)
			for _, f := range findings {
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
