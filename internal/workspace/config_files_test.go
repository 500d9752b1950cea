package workspace

import (
	"slices"
	"testing"
)

func TestConfigFilesAreCollected(t *testing.T) {
	root := writeTree(t, map[string]string{
		".gitignore":        ".env.local\n",
		".env":              "A=1\n",
		".env.local":        "A=2\n",
		"config/app.yaml":   "a: 1\n",
		"Dockerfile":        "FROM node\n",
		"legacy/old.json":   "{}\n",
		"test/fixture.json": "{}\n",
		"blob.json":         "{\x00\x01}",
		"src/app.js":        backendJS,
	})
	isConfig := func(name string) bool {
		return slices.Contains([]string{".env", ".env.local", "app.yaml", "Dockerfile",
			"old.json", "fixture.json", "blob.json"}, name)
	}
	res, err := Discover(root, Options{Config: isConfig, Exclude: []string{"legacy/"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Config {
		got = append(got, f.Rel)
	}
	// Ignored by git, excluded, under a test directory, or binary: passed over.
	want := []string{".env", "Dockerfile", "config/app.yaml"}
	if !slices.Equal(got, want) {
		t.Errorf("config files %v, want %v", got, want)
	}
	if len(res.Files) != 1 || res.Files[0].Rel != "src/app.js" {
		t.Errorf("source files %+v", res.Files)
	}
}
