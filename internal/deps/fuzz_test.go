package deps

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// fuzzNames are the lockfile and manifest names the fuzzer writes its input under.
var fuzzNames = []string{
	"package-lock.json", "yarn.lock", "pnpm-lock.yaml", "go.mod", "requirements.txt",
	"poetry.lock", "Pipfile.lock", "uv.lock", "gradle.lockfile", "composer.lock",
	"Gemfile.lock", "Cargo.lock", "pom.xml",
}

// FuzzExtract feeds every lockfile reader hostile input: none may panic or hang, and a
// file it cannot read is a problem, not a crash.
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*", "*"))
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil || !IsLockfile(p) {
			continue
		}
		for i, name := range fuzzNames {
			if name == filepath.Base(p) {
				f.Add(uint8(i), data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := fuzzNames[int(which)%len(fuzzNames)]
		files := []File{
			{Rel: "app/" + name, Content: data},
			{Rel: "app/package.json", Content: data},
		}
		pkgs, _ := Extract(context.Background(), files)
		for _, p := range pkgs {
			if p.File != "app/"+name || p.Name == "" || p.Version == "" {
				t.Fatalf("package %+v from %s", p, name)
			}
		}
	})
}
