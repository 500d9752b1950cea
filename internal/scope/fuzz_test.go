package scope

import (
	"context"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// placed matches what every error of ParseDiff starts with: the line at fault, or the
// reading of the input itself.
var placed = regexp.MustCompile(`^(diff line \d+: |read diff: )`)

func FuzzParseDiff(f *testing.F) {
	f.Add([]byte(sample), "")
	f.Add([]byte(sample), "src/")
	f.Add([]byte("--- a/x.js\n+++ b/x.js\n@@ -5 +4,0 @@\n-gone\n@@ -9,0 +9,2 @@\n+a\n+b\n"), "")
	f.Add([]byte("--- /dev/null\n+++ b/services/api/new.ts\n@@ -0,0 +1 @@\n+x\n"+
		"\\ No newline at end of file\n"), "services/api/")
	f.Add([]byte("--- a.js\t2024-01-01 10:00:00\n+++ a.js\t2024-01-02 10:00:00\n"+
		"@@ -1,2 +1,2 @@\n a\n-b\n+c\n"), "")
	f.Add([]byte("+++ /etc/passwd\n@@ -1 +1 @@\n-x\n+y\n+++ b/../up.js\n@@ -1 +1 @@\n-x\n+y\n"),
		"")
	f.Add([]byte("+++ b/a.js\n@@ -9 +9 @@\n-x\n+y\n+++ b/a.js\n@@ -2 +2 @@\n-x\n+y\n"), "")
	f.Add([]byte("+++ b/a.js\n@@ -1 +99999999999999999999 @@\n+x\n"), "")
	f.Fuzz(func(t *testing.T, diff []byte, prefix string) {
		c, err := ParseDiff(strings.NewReader(string(diff)), prefix)
		if err != nil {
			if !placed.MatchString(err.Error()) {
				t.Errorf("error %q names no line", err)
			}
			return
		}
		for name, file := range c.Files {
			checkPath(t, name)
			checkLines(t, c, name, file.Lines)
		}
	})
}

// checkPath asserts that a path of Changes names a file below the reviewed root.
func checkPath(t *testing.T, name string) {
	t.Helper()
	if name == "" || name == "." || name == ".." || path.Clean(name) != name ||
		path.IsAbs(name) || strings.HasPrefix(name, "../") {
		t.Errorf("path %q is not clean and relative", name)
	}
}

// checkLines asserts that a file's changed lines are line numbers, in the ascending order
// that Has searches.
func checkLines(t *testing.T, c *Changes, name string, lines []int) {
	t.Helper()
	for i, n := range lines {
		if n < 1 {
			t.Errorf("%s: line %d", name, n)
		}
		if i > 0 && n <= lines[i-1] {
			t.Errorf("%s: lines %v are not strictly ascending", name, lines)
		}
		if !c.Has(name, n) {
			t.Errorf("%s: Has(%d) is false for a changed line", name, n)
		}
	}
}

// TestParseDiffRefusesWhatNoFileHolds keeps inputs the fuzzer found accepted with lines
// or paths that name nothing in the reviewed tree.
func TestParseDiffRefusesWhatNoFileHolds(t *testing.T) {
	for _, tc := range []struct{ diff, want string }{
		{"+++ b/a.js\n@@ -1 +0,1 @@\n+x\n",
			"diff line 2: hunk header: lines added before line 1"},
		{"+++ b/a.js\n@@ -1,0 +1,0 @@\n+x\n", ""},
		{"+++ b/a.js\n@@ -2,2 +2 @@\n+y\n+z\n-x\n", "diff line 4: more added lines"},
		{"+++ b/a.js\n@@ -1 +9999999999 @@\n+x\n",
			"diff line 2: hunk header: 9999999999 is past"},
	} {
		_, err := ParseDiff(strings.NewReader(tc.diff), "")
		if tc.want == "" && err != nil {
			t.Errorf("%q: %v", tc.diff, err)
		}
		if tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)) {
			t.Errorf("%q: error = %v, want %q...", tc.diff, err, tc.want)
		}
	}

	c, err := ParseDiff(strings.NewReader("+++ /etc/passwd\n+++ b/../x.js\n+++ b/./a//b.js\n"+
		"+++ b/src/../../x.js\n"), "src/")
	if err != nil || !slices.Equal(c.Paths(), []string{}) {
		t.Errorf("paths out of the root: %v, %v", c.Paths(), err)
	}
	c, _ = ParseDiff(strings.NewReader("+++ b/./a//b.js\n@@ -1 +1 @@\n-x\n+y\n"), "")
	if !c.Has("a/b.js", 1) {
		t.Errorf("paths = %v, want a/b.js", c.Paths())
	}
}

// TestParseDiffSortsRepeatedFiles checks a file that concatenated patches name twice.
func TestParseDiffSortsRepeatedFiles(t *testing.T) {
	c, err := ParseDiff(strings.NewReader("+++ b/a.js\n@@ -9 +9 @@\n-x\n+y\n"+
		"+++ b/a.js\n@@ -2 +2,2 @@\n-x\n+y\n+z\n+++ b/a.js\n@@ -9 +9 @@\n-x\n+y\n"), "")
	if err != nil || !slices.Equal(c.Files["a.js"].Lines, []int{2, 3, 9}) {
		t.Fatalf("lines %v, %v; want [2 3 9]", c.Files["a.js"], err)
	}
	if !c.Has("a.js", 9) || !c.Has("a.js", 2) {
		t.Error("Has misses a line of the first patch")
	}
}

// TestGitDiffIgnoresPrefixSettings checks that the user's diff prefixes do not change the
// paths read from git: with diff.mnemonicPrefix the new side is w/a.js, not b/a.js.
func TestGitDiffIgnoresPrefixSettings(t *testing.T) {
	for _, setting := range []string{"diff.mnemonicPrefix", "diff.noprefix"} {
		r := newRepo(t)
		r.write("src/a.js", lines(3))
		r.commit("one")
		r.git("config", setting, "true")
		r.write("src/a.js", "x\nchanged\nx\n")

		c, err := FromGit(context.Background(), r.dir, GitOptions{Base: "main"})
		if err != nil || !c.Has("src/a.js", 2) {
			t.Errorf("%s: %v, paths %v; want src/a.js:2", setting, err, c.Paths())
		}
	}
}
