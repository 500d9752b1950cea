package report

import "testing"

func TestDependencyCoverage(t *testing.T) {
	for _, tc := range []struct {
		name string
		d    Dependencies
		want string
	}{
		{"no lockfile", Dependencies{Database: DatabaseUnused},
			"no lockfile found, so no installed version was checked for known vulnerabilities"},
		{"current, one ecosystem missing", Dependencies{Lockfiles: 2, Packages: 40,
			Database: DatabaseCurrent, Ecosystems: []string{"npm"}, Missing: []string{"PyPI"}},
			"40 packages in 2 lockfiles checked against the local OSV advisories for npm; " +
				"not checked, no advisories downloaded: PyPI"},
		{"unknown age", Dependencies{Lockfiles: 1, Packages: 1, Database: DatabaseStale,
			Ecosystems: []string{"Go"}, MaxAgeDays: 7},
			"1 package in 1 lockfile checked against OSV advisories for Go of unknown age, " +
				"with no record of their download (run [rampart db update])"},
		{"unreadable lockfile", Dependencies{Lockfiles: 1, Database: DatabaseUnused,
			Problems: []Skip{{File: "yarn.lock", Reason: "bad *header*"}}},
			"no installed version could be checked; not checked: [yarn.lock] " +
				"(<bad *header*>)"},
		{"nothing to check", Dependencies{Lockfiles: 1, Database: DatabaseUnused},
			"1 lockfile with no registry package to check"},
	} {
		code := func(s string) string { return "[" + s + "]" }
		esc := func(s string) string { return "<" + s + ">" }
		if got := dependencyCoverage(&tc.d, code, esc); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}
