package scan

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
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
