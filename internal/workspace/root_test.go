package workspace

import (
	"errors"
	"io/fs"
	"path/filepath"
	"reflect"
	"testing"
)

func TestSingleFileRoot(t *testing.T) {
	root := writeTree(t, map[string]string{
		"src/server.js":   backendJS,
		"src/.gitignore":  "server.js\n",
		"src/util.min.js": plainJS,
		"src/README.md":   "#!/usr/bin/env node\n",
	})
	cases := []struct {
		rel  string
		want map[string]string
	}{
		{"src/server.js", map[string]string{"server.js": JavaScript}},
		{"src/util.min.js", map[string]string{"util.min.js": "minified"}},
		{"src/README.md", map[string]string{}},
	}
	for _, c := range cases {
		t.Run(c.rel, func(t *testing.T) {
			got := outcomes(t, filepath.Join(root, filepath.FromSlash(c.rel)), Options{})
			checkOutcomes(t, got, c.want)
		})
	}
}

func TestMissingRoot(t *testing.T) {
	_, err := Discover(filepath.Join(t.TempDir(), "nope"), Options{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Discover(missing) error = %v, want one wrapping fs.ErrNotExist", err)
	}
}

func TestDeterministicOrder(t *testing.T) {
	root := writeTree(t, map[string]string{
		"b.js": plainJS, "a.js": plainJS, "a/b.js": plainJS, "a-b.js": plainJS,
		"a/z.test.js": plainJS, "node_modules/x.js": plainJS, "Z.js": plainJS,
		"a.d.ts": "", "a/a.d.ts": "",
	})
	first, err := Discover(root, Options{})
	mustDo(t, err)

	var rels []string
	for _, f := range first.Files {
		rels = append(rels, f.Rel)
	}
	want := []string{"Z.js", "a-b.js", "a.js", "a/b.js", "b.js"}
	if !reflect.DeepEqual(rels, want) {
		t.Errorf("Files = %q, want %q", rels, want)
	}
	var skipped []string
	for _, s := range first.Skipped {
		skipped = append(skipped, s.Rel)
	}
	want = []string{"a.d.ts", "a/a.d.ts", "a/z.test.js", "node_modules"}
	if !reflect.DeepEqual(skipped, want) {
		t.Errorf("Skipped = %q, want %q", skipped, want)
	}

	for range 3 {
		again, err := Discover(root, Options{})
		mustDo(t, err)
		if !reflect.DeepEqual(first, again) {
			t.Fatal("a second Discover of the same tree differs")
		}
	}
}
