package osvdb

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// benchDB writes an npm archive of n advisories over n/3 packages, the shape of OSV's
// npm archive, whose malicious-package records run to hundreds of thousands, and
// indexes it as an update would.
func benchDB(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	eco := filepath.Join(dir, "npm")
	if err := os.MkdirAll(eco, 0o755); err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(filepath.Join(eco, archiveName))
	if err != nil {
		b.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for i := range n {
		w, err := zw.Create(fmt.Sprintf("MAL-%d.json", i))
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(w, `{"id": "MAL-%d", "summary": "Malicious code in pkg-%d",
  "details": "This package contains code that steals credentials and runs on install.",
  "affected": [{"package": {"ecosystem": "npm", "name": "pkg-%d"},
    "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}]}]}`, i, i/3, i/3)
	}
	if err := zw.Close(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	ni, err := buildIndex(filepath.Join(eco, archiveName), "npm")
	if err != nil {
		b.Fatal(err)
	}
	if err := writeJSON(eco, indexName, ni, ""); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkLoad reads the advisories of a project's 1,000 packages from a 100,000-entry
// archive, through the name index, as a scan does.
func BenchmarkLoad(b *testing.B) {
	dir := benchDB(b, 100_000)
	names := make([]string, 1000)
	for i := range names {
		names[i] = fmt.Sprintf("pkg-%d", i*31)
	}
	for b.Loop() {
		if _, err := Load(dir, "npm", names...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAll reads the whole archive, as a scan would without the index.
func BenchmarkLoadAll(b *testing.B) {
	dir := benchDB(b, 100_000)
	for b.Loop() {
		if _, err := Load(dir, "npm"); err != nil {
			b.Fatal(err)
		}
	}
}
