package deps

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/osvdb/osvdbtest"
	"github.com/rampart-sec/rampart/internal/rule"
)

// readDir returns the files of a fixture directory as the workspace would give them,
// with paths relative to testdata.
func readDir(t *testing.T, dir string) []File {
	t.Helper()
	var files []File
	err := filepath.WalkDir(filepath.Join("testdata", dir),
		func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !IsManifest(d.Name()) {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel("testdata", p)
			files = append(files, File{Rel: filepath.ToSlash(rel), Content: data})
			return err
		})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// show renders a package as "file:line name@version relation [dev]".
func show(p Package) string {
	parts := []string{fmt.Sprintf("%s:%d %s@%s", p.File, p.Line, p.Name, p.Version)}
	if p.Relation != Unknown {
		parts = append(parts, p.Relation.String())
	}
	if p.Dev {
		parts = append(parts, "dev")
	}
	return strings.Join(parts, " ")
}

func TestExtract(t *testing.T) {
	for _, tc := range []struct {
		dir  string
		want []string
	}{
		{"npm-v3", []string{
			"npm-v3/package-lock.json:20 colorz-util@1.0.3 direct",
			"npm-v3/package-lock.json:24 ejs@3.1.8 direct",
			"npm-v3/package-lock.json:28 express@4.18.2 direct",
			"npm-v3/package-lock.json:32 lodash@4.17.15 direct",
			"npm-v3/package-lock.json:36 minimist@1.2.5 transitive dev",
			"npm-v3/package-lock.json:41 mocha@10.2.0 direct dev",
		}},
		{"npm-v1", []string{
			"npm-v1/package-lock.json:7 lodash@4.17.20",
			"npm-v1/package-lock.json:11 minimist@1.2.6 dev",
		}},
		{"yarn-classic", []string{
			"yarn-classic/yarn.lock:5 lodash@4.17.11 direct",
			"yarn-classic/yarn.lock:10 minimist@1.2.0 direct dev",
		}},
		{"yarn-berry", []string{"yarn-berry/yarn.lock:8 lodash@4.17.20"}},
		{"pnpm", []string{
			"pnpm/pnpm-lock.yaml:15 lodash@4.17.20",
			"pnpm/pnpm-lock.yaml:19 minimist@1.2.5 dev",
		}},
		{"gomod", []string{
			"gomod/go.mod:6 github.com/gin-gonic/gin@1.9.1 direct",
			"gomod/go.mod:7 golang.org/x/net@0.17.0 transitive",
		}},
		{"maven", []string{
			"maven/pom.xml:27 com.fasterxml.jackson.core:jackson-databind@2.13.0 direct",
			"maven/pom.xml:32 org.yaml:snakeyaml@1.33 direct",
			"maven/pom.xml:40 junit:junit@4.12 direct dev",
		}},
		{"python", []string{
			"python/requirements.txt:1 flask@3.0.0 direct",
			"python/requirements.txt:2 requests@2.31.0 direct",
		}},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			pkgs, problems := Extract(context.Background(), readDir(t, tc.dir))
			if tc.dir == "maven" && len(problems) == 1 &&
				strings.HasPrefix(problems[0].Reason, "1 dependency takes its version") {
				problems = nil // spring-boot-starter-web's version is the parent's
			}
			if len(problems) > 0 {
				t.Fatalf("problems: %v", problems)
			}
			var got []string
			for _, p := range pkgs {
				got = append(got, show(p))
			}
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "),
					strings.Join(want, "\n  "))
			}
		})
	}
}

func TestUnreadableLockfileIsAProblem(t *testing.T) {
	files := []File{
		{Rel: "package-lock.json", Content: []byte(`{"lockfileVersion": 3, "packages": [`)},
		{Rel: "api/yarn.lock", Content: []byte("\x00\x01 not yarn")},
	}
	pkgs, problems := Extract(context.Background(), files)
	if len(pkgs) != 0 || len(problems) != 1 || problems[0].File != "package-lock.json" {
		t.Fatalf("packages %v, problems %v; want one problem for package-lock.json",
			pkgs, problems)
	}
}

// fixtureDB installs the fixture advisories of every ecosystem into a new database.
func fixtureDB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, eco := range []string{"npm", "Go", "PyPI"} {
		osvdbtest.Install(t, dir, eco, filepath.Join("testdata", "advisories", eco), now)
	}
	return dir
}

func TestCheck(t *testing.T) {
	db := fixtureDB(t)
	var files []File
	for _, dir := range []string{"npm-v3", "gomod", "python"} {
		files = append(files, readDir(t, dir)...)
	}
	pkgs, _ := Extract(context.Background(), files)
	audit := Check(db, pkgs)
	if len(audit.Missing) > 0 || len(audit.Unchecked) > 0 {
		t.Fatalf("missing %v, unchecked %v", audit.Missing, audit.Unchecked)
	}

	var got []string
	for _, v := range audit.Vulnerable {
		var ids []string
		for _, a := range v.Advisories {
			ids = append(ids, a.ID+"="+a.Severity.String())
		}
		got = append(got, fmt.Sprintf("%s %s -> %q %s [%s]", v.Name, v.Version, v.Upgrade,
			v.Severity(), strings.Join(ids, " ")))
	}
	want := []string{
		`golang.org/x/net 0.17.0 -> "0.23.0" medium [GO-2099-0006=medium]`,
		`colorz-util 1.0.3 -> "" critical [MAL-2099-0005=critical]`,
		`ejs 3.1.8 -> "" medium [GHSA-test-ejs1-0004=medium]`,
		`lodash 4.17.15 -> "4.17.21" critical ` +
			`[GHSA-test-lod1-0001=critical GHSA-test-lod2-0002=high]`,
		`minimist 1.2.5 -> "1.2.6" high [GHSA-test-min1-0003=critical]`,
		`requests 2.31.0 -> "2.32.0" medium [GHSA-test-req1-0007=medium]`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestCheckWithoutADatabase(t *testing.T) {
	pkgs, _ := Extract(context.Background(), readDir(t, "npm-v3"))
	audit := Check(t.TempDir(), pkgs)
	if len(audit.Vulnerable) != 0 || len(audit.Missing) != 1 || audit.Missing[0].File != "npm" {
		t.Fatalf("vulnerable %v, missing %v; want npm missing", audit.Vulnerable, audit.Missing)
	}
}

func TestFindings(t *testing.T) {
	pkgs, _ := Extract(context.Background(), readDir(t, "npm-v3"))
	fs := Findings(Check(fixtureDB(t), pkgs))
	byName := make(map[string]int)
	for i, f := range fs {
		byName[f.Dependency.Name] = i
	}

	lodash := fs[byName["lodash"]]
	if lodash.Location.File != "npm-v3/package-lock.json" || lodash.Location.Line != 32 ||
		lodash.Severity != rule.Critical || lodash.Snippet != "lodash@4.17.15" {
		t.Errorf("lodash finding: %+v", lodash)
	}
	for _, want := range []string{"4.17.21", "GHSA-test-lod1-0001", "CVE-2099-1001", "CVSS 9.8"} {
		if !strings.Contains(lodash.Fix+lodash.FixExample+lodash.Impact, want) {
			t.Errorf("lodash finding does not mention %s:\n%s\n%s", want, lodash.Impact,
				lodash.Fix)
		}
	}
	if lodash.FixExample != "npm install lodash@4.17.21" {
		t.Errorf("lodash fix example = %q", lodash.FixExample)
	}

	minimist := fs[byName["minimist"]]
	if minimist.Severity != rule.High || !strings.Contains(minimist.FixExample, "overrides") {
		t.Errorf("minimist (transitive, dev) finding: %v %q", minimist.Severity,
			minimist.FixExample)
	}
	if ejs := fs[byName["ejs"]]; ejs.FixExample != "" ||
		!strings.Contains(ejs.Fix, "No release") {
		t.Errorf("ejs has no fix, but: %q %q", ejs.Fix, ejs.FixExample)
	}
}

func TestWhichFilesAreRead(t *testing.T) {
	for name, want := range map[string][3]bool{ // lockfile, manifest, generated
		"package-lock.json":         {true, true, true},
		"api/yarn.lock":             {true, true, true},
		"go.mod":                    {true, true, false},
		"requirements-dev.txt":      {true, true, false},
		"services/billing/pom.xml":  {true, true, false},
		"package.json":              {false, true, false},
		"requirements.in":           {false, false, false},
		"src/package-lock.json.bak": {false, false, false},
	} {
		got := [3]bool{IsLockfile(name), IsManifest(name), IsGenerated(name)}
		if got != want {
			t.Errorf("%s: lockfile, manifest, generated = %v, want %v", name, got, want)
		}
	}
}

// A new advisory for a version already in a baseline must show: its finding's
// fingerprint changes with the advisories.
func TestFingerprintFollowsTheAdvisories(t *testing.T) {
	pkgs, _ := Extract(context.Background(), readDir(t, "npm-v3"))
	audit := Check(fixtureDB(t), pkgs)
	before := Findings(audit)
	for i := range audit.Vulnerable {
		if audit.Vulnerable[i].Name == "lodash" {
			audit.Vulnerable[i].Advisories = audit.Vulnerable[i].Advisories[:1]
		}
	}
	after := Findings(audit)
	finding.Fingerprint(before)
	finding.Fingerprint(after)
	for i := range before {
		same := before[i].Fingerprint == after[i].Fingerprint
		if lodash := before[i].Dependency.Name == "lodash"; same == lodash {
			t.Errorf("%s: fingerprint kept %v", before[i].Dependency.Name, same)
		}
	}
}
