package osvdb

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/osv-scalibr/semantic"
)

func loadFixture(t *testing.T) *Index {
	t.Helper()
	srv := mirror(t, map[string][]byte{"/npm/all.zip": fixtureArchive(t, "npm")}, nil)
	dir := t.TempDir()
	if err := updater(dir, srv.URL).Update(context.Background(), []string{"npm"}); err != nil {
		t.Fatal(err)
	}
	ix, err := Load(dir, "npm")
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestAffecting(t *testing.T) {
	ix := loadFixture(t)
	for _, tc := range []struct {
		name, version string
		want          []string
	}{
		{"fixture-lib", "0.1.0", []string{"GHSA-test-0001"}},
		{"fixture-lib", "1.2.2", []string{"GHSA-test-0001"}},
		{"fixture-lib", "1.2.3", nil},
		{"fixture-lib", "2.0.0", nil},
		{"other-lib", "1.9.9", nil},
		{"other-lib", "2.0.0", []string{"GHSA-test-0002"}},
		{"other-lib", "2.4.0", []string{"GHSA-test-0002"}},
		{"other-lib", "2.4.1", nil},
		{"unknown-lib", "1.0.0", nil},
	} {
		got, err := ix.Affecting(tc.name, tc.version)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range got {
			ids = append(ids, a.ID)
		}
		if !slices.Equal(ids, tc.want) {
			t.Errorf("%s@%s: %v, want %v", tc.name, tc.version, ids, tc.want)
		}
	}
}

func TestLastAffectedAndListedVersions(t *testing.T) {
	af := Affected{
		Ranges: []Range{{Type: "SEMVER", Events: []Event{
			{Introduced: "1.0.0"}, {LastAffected: "1.4.0"},
		}}},
		Versions: []string{"0.9.0"},
	}
	af.Package.Ecosystem = "npm"
	for version, want := range map[string]bool{
		"0.8.0": false, "0.9.0": true, "1.0.0": true, "1.4.0": true, "1.4.1": false,
	} {
		v, err := parseNPM(version)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := af.contains(v, version); err != nil || got != want {
			t.Errorf("%s: %v (%v), want %v", version, got, err, want)
		}
	}
}

func TestFixedVersions(t *testing.T) {
	ix := loadFixture(t)
	got, _ := ix.Affecting("fixture-lib", "1.0.0")
	if len(got) != 1 || !slices.Equal(got[0].FixedVersions("npm", "fixture-lib"),
		[]string{"1.2.3"}) || got[0].Aliases[0] != "CVE-2099-0001" {
		t.Errorf("advisory %+v", got)
	}
}

func parseNPM(v string) (semantic.Version, error) { return semantic.Parse(v, "npm") }

func TestEventsInAnyOrder(t *testing.T) {
	af := Affected{Ranges: []Range{{Type: "ECOSYSTEM", Events: []Event{
		{Fixed: "2.0.1"}, {Introduced: "2.0.0"}, {Fixed: "1.5.0"}, {Introduced: "0"},
	}}}}
	af.Package.Ecosystem = "npm"
	for version, want := range map[string]bool{
		"1.0.0": true, "1.5.0": false, "1.9.0": false, "2.0.0": true, "2.0.1": false,
	} {
		v, _ := parseNPM(version)
		if got, err := af.contains(v, version); err != nil || got != want {
			t.Errorf("%s: %v (%v), want %v", version, got, err, want)
		}
	}
}

func TestLoadByNameReadsOnlyThoseAdvisories(t *testing.T) {
	srv := mirror(t, map[string][]byte{"/npm/all.zip": fixtureArchive(t, "npm")}, nil)
	dir := t.TempDir()
	if err := updater(dir, srv.URL).Update(context.Background(), []string{"npm"}); err != nil {
		t.Fatal(err)
	}
	ix, err := Load(dir, "npm", "fixture-lib")
	if err != nil {
		t.Fatal(err)
	}
	if len(ix.byName["fixture-lib"]) != 1 || len(ix.byName["other-lib"]) != 0 {
		t.Errorf("loaded %v, want fixture-lib's advisory only", ix.byName)
	}

	// An index that does not describe the archive beside it is not trusted.
	stale := filepath.Join(dir, "npm", indexName)
	if err := os.WriteFile(stale, []byte(`{"size": 1, "entries": 2, "names": {}}`),
		0o644); err != nil {
		t.Fatal(err)
	}
	ix, err = Load(dir, "npm", "fixture-lib")
	if err != nil || len(ix.byName["fixture-lib"]) != 1 {
		t.Errorf("with a stale index: %v, %v", ix.byName, err)
	}
}
