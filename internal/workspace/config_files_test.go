package workspace

import (
	"slices"
	"strings"
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

func TestManifestsAreCollected(t *testing.T) {
	root := writeTree(t, map[string]string{
		".gitignore":                    "tmp/\n",
		"package.json":                  "{}\n",
		"package-lock.json":             "{}\n",
		"api/yarn.lock":                 "# yarn\n",
		"tmp/package-lock.json":         "{}\n",
		"node_modules/x/package.json":   "{}\n",
		"test/fixtures/yarn.lock":       "# yarn\n",
		"broken/package-lock.json":      "{\x00\x01}",
		"src/app.js":                    backendJS,
		"config/settings.json":          "{}\n",
		"services/billing/package.json": "{}\n",
	})
	isManifest := func(name string) bool {
		return slices.Contains([]string{"package.json", "package-lock.json", "yarn.lock"}, name)
	}
	isConfig := func(name string) bool { return strings.HasSuffix(name, ".json") }
	res, err := Discover(root, Options{Manifests: isManifest, Config: isConfig})
	if err != nil {
		t.Fatal(err)
	}
	var got, config []string
	for _, f := range res.Manifests {
		got = append(got, f.Rel)
	}
	for _, f := range res.Config {
		config = append(config, f.Rel)
	}
	want := []string{"api/yarn.lock", "package-lock.json", "package.json",
		"services/billing/package.json"}
	if !slices.Equal(got, want) {
		t.Errorf("manifests %v, want %v", got, want)
	}
	if !slices.Equal(config, []string{"config/settings.json"}) {
		t.Errorf("config files %v: a manifest is not also a config file", config)
	}
	// A lockfile that cannot be read is listed, so the review says what went unchecked.
	if !slices.Contains(res.Skipped, Skip{Rel: "broken/package-lock.json", Reason: "binary"}) {
		t.Errorf("skipped %+v: want broken/package-lock.json as binary", res.Skipped)
	}
}

func TestIsTestPath(t *testing.T) {
	for rel, want := range map[string]bool{
		"test/fixtures/keys.js": true, "src/__tests__/a.ts": true, "src/user.test.js": true,
		"fixtures/.env": true, "src/testing.js": false, "latest/app.js": false,
		"src/app.js": false,
	} {
		if got := IsTestPath(rel); got != want {
			t.Errorf("IsTestPath(%q) = %v, want %v", rel, got, want)
		}
	}
}
