package cli

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rampart-sec/rampart/internal/osvdb/osvdbtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const example = "../../examples/express-api"

// TestMain points the advisory database at an empty directory, so that no test reads
// the user's own (tests that need advisories pass --db-dir), and the analysis cache at
// one of the tests' own.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rampart-cli-db-")
	if err != nil {
		panic(err)
	}
	os.Setenv(envDBDir, dir)
	os.Setenv(envCacheDir, filepath.Join(dir, "cache"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fixtureDB downloads the fixture advisories of testdata/advisories into a new database
// through the real download path, fetched now so that the review calls it current.
func fixtureDB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	osvdbtest.Install(t, dir, "npm", filepath.Join("testdata", "advisories", "npm"),
		time.Now())
	return dir
}

// run runs the command line in-process and returns its exit code and outputs.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestExampleGolden(t *testing.T) {
	for _, tc := range []struct{ format, golden string }{
		{"markdown", "example.md.golden"},
		{"json", "example.json.golden"},
		{"text", "example.txt.golden"},
		{"sarif", "example.sarif.golden"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			db := fixtureDB(t)
			code, out, stderr := run(t, "scan", example, "--format", tc.format, "--id", "DEMO-1",
				"--db-dir", db)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			checkGolden(t, tc.golden, out)

			_, again, _ := run(t, "scan", example, "--format", tc.format, "--id", "DEMO-1",
				"--db-dir", db)
			if again != out {
				t.Error("a second run gave different output")
			}
		})
	}
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update to accept):\n%s", path,
			firstDifference(string(want), got))
	}
}

func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + w[i] + "\n+ " + g[i]
		}
	}
	return "lengths differ: " + strconv.Itoa(len(w)) + " lines, want " + strconv.Itoa(len(g))
}

// vulnerableRepo makes a one-file repository with a critical finding.
func vulnerableRepo(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	writeFile(t, root, "server.js", "const express = require('express');\n"+
		"const app = express();\n"+
		"app.get('/calc', (req, res) => res.json(eval(req.query.expr)));\n")
	return root
}

func writeFile(t *testing.T, root, rel, content string) {
	t.Helper()
	path := filepath.Join(root, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
