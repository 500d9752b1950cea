package javascript

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/model"
)

// TestFlowFixtures analyses each directory under testdata/flows as one project. A sink
// line that a data-flow finding must reach ends with `// want: RULE-ID`; no other line may
// get a data-flow finding. Each directory holds the unsafe case and its safe twin, which
// differ by one step.
func TestFlowFixtures(t *testing.T) {
	dirs, err := os.ReadDir("testdata/flows")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			root := filepath.Join("testdata", "flows", d.Name())
			mods, want := lowerDir(t, root)
			flows, err := AnalyzeFlows(mods, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := make(map[string][]string)
			for _, f := range flows {
				k := fmt.Sprintf("%s:%d", f.Location.File, f.Location.Line)
				got[k] = append(got[k], f.Rule.ID)
				if len(f.Trace) < 2 {
					t.Errorf("%s: flow without a trace", k)
				}
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

// lowerDir parses and lowers every JS/TS file under root and collects the expectations.
func lowerDir(t *testing.T, root string) ([]*model.Module, map[string][]string) {
	t.Helper()
	var mods []*model.Module
	want := make(map[string][]string)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		lang := "javascript"
		if strings.HasSuffix(rel, ".ts") {
			lang = "typescript"
		}
		mods = append(mods, Lower(rel, lang, mustParse(t, rel, src)))
		for line, ids := range expectedLines(src) {
			want[fmt.Sprintf("%s:%d", rel, line)] = ids
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return mods, want
}

func diffKeys(want, got map[string][]string) []string {
	var out []string
	for k, ids := range want {
		if !slices.Equal(ids, got[k]) {
			out = append(out, fmt.Sprintf("%s: want %v, got %v", k, ids, got[k]))
		}
	}
	for k, ids := range got {
		if _, ok := want[k]; !ok {
			out = append(out, fmt.Sprintf("%s: unexpected %v", k, ids))
		}
	}
	slices.Sort(out)
	return out
}

// TestFlowsStayBoundedOnLargeFiles analyses a generated file of a long chain of helpers
// and deep nesting, which must finish and still find the flow at the end of the chain.
func TestFlowsStayBoundedOnLargeFiles(t *testing.T) {
	var b strings.Builder
	b.WriteString("const { exec } = require('child_process');\n")
	const chain = 2000
	for i := range chain {
		fmt.Fprintf(&b, "function step%d(x) { const y = x + '%d'; return step%d(y); }\n",
			i, i, i+1)
	}
	fmt.Fprintf(&b, "function step%d(x) { exec(x); return x; }\n", chain)
	b.WriteString("module.exports = (req, res) => step0(req.query.cmd);\n")
	b.WriteString("const deep = " + strings.Repeat("[", 500) + "req.body" +
		strings.Repeat("]", 500) + ";\n")

	src := []byte(b.String())
	mod := Lower("big.js", "javascript", mustParse(t, "big.js", src))
	flows, err := AnalyzeFlows([]*model.Module{mod}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(flows) != 1 || flows[0].Location.Line != chain+2 {
		t.Fatalf("flows = %d, want the exec at the end of the chain", len(flows))
	}
}
