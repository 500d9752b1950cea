package workspace

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Bodies that no rule passes over, and one that only a server would load.
const (
	plainJS   = "module.exports = function add(a, b) { return a + b }\n"
	backendJS = "const express = require(\"express\")\nconst app = express()\n"
	plainGo   = "package main\n\nfunc main() {}\n"
)

// writeTree creates files under a new temporary directory and returns the directory. A
// key ending in "/" makes an empty directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for rel, body := range files {
		abs := filepath.Join(root, filepath.FromSlash(rel))
		if strings.HasSuffix(rel, "/") {
			mustDo(t, os.MkdirAll(abs, 0o755))
			continue
		}
		mustDo(t, os.MkdirAll(filepath.Dir(abs), 0o755))
		mustDo(t, os.WriteFile(abs, []byte(body), 0o644))
	}
	return root
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// outcomes runs Discover and maps each reviewed path to its language and each skipped
// path to its reason; a directory skipped as a whole gets a trailing slash. It also checks
// that every kept File holds what is on disk at Abs.
func outcomes(t *testing.T, root string, opt Options) map[string]string {
	t.Helper()
	res, err := Discover(root, opt)
	if err != nil {
		t.Fatalf("Discover: %v", err)
	}
	return resultOutcomes(t, res)
}

// resultOutcomes is outcomes for a Result at hand.
func resultOutcomes(t *testing.T, res *Result) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, f := range res.Files {
		got[f.Rel] = f.Language
		disk, err := os.ReadFile(f.Abs)
		if err != nil || !bytes.Equal(disk, f.Content) {
			t.Errorf("%s: Content differs from %s (%v)", f.Rel, f.Abs, err)
		}
	}
	for _, s := range res.Skipped {
		key := s.Rel
		if s.Dir {
			key += "/"
		}
		got[key] = s.Reason
	}
	return got
}

// checkOutcomes compares the whole outcome map, so an unexpected extra entry fails too.
func checkOutcomes(t *testing.T, got, want map[string]string) {
	t.Helper()
	if maps.Equal(got, want) {
		return
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q", k, got[k], v)
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: unexpected %q", k, v)
		}
	}
}
