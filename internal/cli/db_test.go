package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rampart-sec/rampart/internal/osvdb/osvdbtest"
)

func TestDBUpdateAndStatus(t *testing.T) {
	archive := osvdbtest.Archive(t, filepath.Join("testdata", "advisories", "npm"))
	srv := osvdbtest.Serve(t, map[string][]byte{"/npm/all.zip": archive})
	dir := t.TempDir()

	code, _, stderr := run(t, "db", "update", "npm", "--db-dir", dir, "--source", srv.URL)
	if code != exitOK {
		t.Fatalf("db update: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"npm: ", "Advisory database updated in " + dir} {
		if !strings.Contains(stderr, want) {
			t.Errorf("db update stderr lacks %q:\n%s", want, stderr)
		}
	}

	code, out, stderr := run(t, "db", "status", "--db-dir", dir)
	if code != exitOK {
		t.Fatalf("db status: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"npm", "3 advisories", "less than an hour ago", srv.URL} {
		if !strings.Contains(out, want) {
			t.Errorf("db status lacks %q:\n%s", want, out)
		}
	}
}

func TestDBUpdateFromTheEnvironment(t *testing.T) {
	archive := osvdbtest.Archive(t, filepath.Join("testdata", "advisories", "npm"))
	srv := osvdbtest.Serve(t, map[string][]byte{"/npm/all.zip": archive})
	dir := t.TempDir()
	t.Setenv(envDBDir, dir)
	t.Setenv(envSource, srv.URL)

	if code, _, stderr := run(t, "db", "update", "npm"); code != exitOK {
		t.Fatalf("db update: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "npm", "all.zip")); err != nil {
		t.Errorf("RAMPART_DB_DIR not used: %v", err)
	}
}

func TestDBUpdateFailureKeepsTheDatabase(t *testing.T) {
	dir := t.TempDir()
	osvdbtest.Install(t, dir, "npm", filepath.Join("testdata", "advisories", "npm"),
		time.Now())
	srv := osvdbtest.Serve(t, map[string][]byte{"/npm/all.zip": []byte("PK\x03\x04 cut off")})

	code, _, stderr := run(t, "db", "update", "npm", "--db-dir", dir, "--source", srv.URL)
	if code != exitError || !strings.Contains(stderr, "npm") {
		t.Fatalf("a corrupt archive: exit %d: %s", code, stderr)
	}
	_, out, _ := run(t, "db", "status", "--db-dir", dir)
	if !strings.Contains(out, "3 advisories") {
		t.Errorf("the previous database is gone:\n%s", out)
	}
}

func TestDBRefusesUnknownEcosystems(t *testing.T) {
	code, _, stderr := run(t, "db", "update", "npmjs", "--db-dir", t.TempDir())
	if code != exitError || !strings.Contains(stderr, `unknown ecosystem "npmjs"`) {
		t.Errorf("exit %d: %s", code, stderr)
	}
	code, _, stderr = run(t, "db", "upgrade")
	if code != exitError || !strings.Contains(stderr, "want update or status") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestDBStatusWithoutADatabase(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := run(t, "db", "status", "--db-dir", dir)
	if code != exitOK || !strings.Contains(out, "No advisory database in "+dir) {
		t.Errorf("exit %d: %s", code, out)
	}
}

// The review never passes over dependencies in silence: without a database, or with an
// old one, its preamble and the terminal summary say so.
func TestReviewSaysHowDependenciesWereChecked(t *testing.T) {
	stale := t.TempDir()
	osvdbtest.Install(t, stale, "npm", filepath.Join("testdata", "advisories", "npm"),
		time.Now().Add(-30*24*time.Hour))
	for _, tc := range []struct {
		name, db, want string
	}{
		{"no database", t.TempDir(), "11 packages in 1 lockfile not checked: no advisory " +
			"database for npm (run `rampart db update`)"},
		{"stale", stale, "11 packages in 1 lockfile checked against OSV advisories for npm " +
			"fetched on " +
			time.Now().Add(-30*24*time.Hour).UTC().Format(time.DateOnly) +
			", older than 7 days (run `rampart db update`)"},
		{"current", fixtureDB(t), "11 packages in 1 lockfile checked against the local " +
			"OSV advisories for npm"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, out, stderr := run(t, "review", example, "--all", "--id", "DEP-1", "--out", "-",
				"--db-dir", tc.db)
			if !strings.Contains(out, "- **Dependencies**: "+tc.want) {
				t.Errorf("preamble lacks %q:\n%s", tc.want, out[:min(len(out), 1500)])
			}
			gap := strings.Contains(stderr, "Dependencies: ")
			if gap != (tc.name != "current") {
				t.Errorf("summary on stderr names the dependency check: %v\n%s", gap, stderr)
			}
		})
	}
}
