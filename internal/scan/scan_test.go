package scan

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rampart-sec/rampart/internal/workspace"
)

func writeTree(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		path := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSyntaxErrorsAreNamedAndTheRestAnalysed(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"broken.js": "const x = eval(req.query.x);\nfunction (( {\n",
		"fine.ts":   "export const y: number = 1;\n",
	})
	res, err := Run(context.Background(), root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Scope.Files != 2 || res.Scope.Lines != 3 {
		t.Errorf("scope = %d files, %d lines; want 2, 3", res.Scope.Files, res.Scope.Lines)
	}
	if len(res.Scope.ParseIssues) != 1 || res.Scope.ParseIssues[0].File != "broken.js" {
		t.Fatalf("parse issues = %+v, want broken.js", res.Scope.ParseIssues)
	}
	if len(res.Findings) != 1 || res.Findings[0].Location.Line != 1 {
		t.Errorf("findings = %+v, want the eval on line 1", res.Findings)
	}
}

func TestResultIsDeterministicAcrossWorkerCounts(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, generatedRepo(40))
	var prints [][]string
	for _, workers := range []int{1, 2, 7} {
		res, err := Run(context.Background(), root, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		var p []string
		for _, f := range res.Findings {
			p = append(p, f.Location.String()+" "+f.Fingerprint)
		}
		prints = append(prints, p)
	}
	if len(prints[0]) == 0 {
		t.Fatal("the generated repository produced no findings")
	}
	for _, p := range prints[1:] {
		if !slices.Equal(p, prints[0]) {
			t.Fatal("findings differ between worker counts")
		}
	}
}

func TestCancelledScanStops(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, generatedRepo(20))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, root, Options{}); err == nil {
		t.Error("a cancelled scan returned a result")
	}
}

func TestCatalogIsValid(t *testing.T) {
	if len(Catalog().All()) == 0 {
		t.Fatal("empty catalog")
	}
}

func TestHostileTreeIsReviewedWithReasons(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"latin1.js": "// caf\xe9\nconst r = eval(req.body.code);\n",
		"blob.js":   "\x00\x01\x02binary",
		"huge.js":   strings.Repeat("// filler line for a file past the size limit\n", 30000),
		"ok.js":     "module.exports = 1;\n",
	})
	if err := os.Symlink(root, filepath.Join(root, "loop")); err != nil {
		t.Skip("symbolic links unavailable:", err)
	}

	res, err := Run(context.Background(), root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	reasons := make(map[string]string)
	for _, s := range res.Scope.Skipped {
		reasons[s.File] = s.Reason
	}
	for file, want := range map[string]string{
		"blob.js": "binary", "huge.js": "larger than 1 MiB", "loop": "symbolic link",
	} {
		if reasons[file] != want {
			t.Errorf("%s skipped as %q, want %q", file, reasons[file], want)
		}
	}
	if res.Scope.Files != 2 || len(res.Findings) != 1 || res.Findings[0].Location.File != "latin1.js" {
		t.Errorf("reviewed %d files with findings %+v; want latin1.js's eval", res.Scope.Files,
			res.Findings)
	}
}

func TestProgressCountsEveryFile(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, generatedRepo(12))
	var mu sync.Mutex
	var phases []string
	maxDone, total := 0, 0
	_, err := Run(context.Background(), root, Options{Workers: 3, Progress: func(p Progress) {
		mu.Lock()
		defer mu.Unlock()
		if len(phases) == 0 || phases[len(phases)-1] != p.Phase {
			phases = append(phases, p.Phase)
		}
		maxDone, total = max(maxDone, p.Done), max(total, p.Total)
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{PhaseDiscover, PhaseAnalyze, PhaseProgram}
	if !slices.Equal(phases, want) {
		t.Errorf("phases %v, want %v", phases, want)
	}
	if total == 0 || maxDone != total {
		t.Errorf("done %d of %d", maxDone, total)
	}
}

// TestSecretReportedOnce: a key in a constant that jwt.sign uses is the JavaScript rule's
// finding, with the constant in its trace; the generic secret scan does not repeat it.
func TestSecretReportedOnce(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"app.js": "const jwt = require('jsonwebtoken');\n" +
			"const JWT_SECRET = 'sup3r-s3cret-signing-key';\n" +
			"module.exports = (u) => jwt.sign({ sub: u }, JWT_SECRET);\n",
		".env": "DATABASE_URL=postgres://app:Vq7rT2pLx9Zs@db:5432/app\n",
	})
	res, err := Run(context.Background(), root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule.ID+"@"+f.Location.String())
	}
	want := []string{"secret.committed-credential@.env:1", "js.hardcoded-secret@app.js:3"}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("findings %v lack %s", got, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("findings %v, want only %v", got, want)
	}
}

// TestFixtureSecretsAreTestData: credentials in test code are test data by default; the
// configuration can name other fixture paths, or none.
func TestFixtureSecretsAreTestData(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"src/db.js":            "const DB_PASSWORD = 'Vq7rT2pLx9Zs-prod';\nmodule.exports = DB_PASSWORD;\n",
		"test/fixtures/db.js":  "const DB_PASSWORD = 'Fx7rT2pLx9Zs-test';\nmodule.exports = DB_PASSWORD;\n",
		"test/.env":            "DATABASE_URL=postgres://app:Tq7rT2pLx9Zs@db:5432/app\n",
		"samples/settings.yml": "database_url: postgres://app:Sq7rT2pLx9Zs@db:5432/app\n",
	})
	for _, tc := range []struct {
		name     string
		fixtures func(string) bool
		want     []string
		dropped  int
	}{
		{"test code by default", nil, []string{"src/db.js:1", "samples/settings.yml:1"}, 2},
		{"configured paths", workspace.Patterns([]string{"samples/"}),
			[]string{"src/db.js:1", "test/fixtures/db.js:1", "test/.env:1"}, 1},
		{"no fixtures", workspace.Patterns(nil), []string{"src/db.js:1",
			"test/fixtures/db.js:1", "test/.env:1", "samples/settings.yml:1"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Run(context.Background(), root, Options{
				Workspace:      workspace.Options{IncludeTests: true},
				SecretFixtures: tc.fixtures,
			})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.Location.String())
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tc.want))
			if !slices.Equal(got, want) || res.Scope.FixtureSecrets != tc.dropped {
				t.Errorf("findings %v (%d in fixtures), want %v (%d)", got,
					res.Scope.FixtureSecrets, want, tc.dropped)
			}
		})
	}
}
