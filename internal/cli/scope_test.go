package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a repository in a temporary directory with the real git.
func gitRepo(t *testing.T) (string, func(args ...string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c",
			"user.email=t@e", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	return dir, git
}

const legacyApp = `const express = require('express');
const { exec } = require('child_process');
const { lookup } = require('./lookup');

const app = express();
app.get('/old', (req, res) => exec('ping ' + req.query.host));
app.get('/users', async (req, res) => res.json(await lookup(req.query.name)));
module.exports = app;
`

const safeLookup = `const { pool } = require('./db');

async function lookup(name) {
  return pool.query('SELECT * FROM users WHERE name = $1', [name]);
}

module.exports = { lookup };
`

func TestReviewOfAFeatureBranch(t *testing.T) {
	dir, git := gitRepo(t)
	writeFile(t, dir, "app.js", legacyApp)
	writeFile(t, dir, "lookup.js", safeLookup)
	writeFile(t, dir, "db.js", "module.exports = { pool: {} };\n")
	git("add", "-A")
	git("commit", "-q", "-m", "legacy")
	git("checkout", "-q", "-b", "feature/SEC-9-calc")

	writeFile(t, dir, "app.js", strings.Replace(legacyApp, "module.exports",
		"app.get('/calc', (req, res) => res.json(eval(req.query.expr)));\nmodule.exports", 1))
	git("commit", "-q", "-am", "add calc")

	code, stdout, stderr := run(t, "review", dir, "--out", "-", "--fail-on", "none")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"# Backend Security Review: SEC-9",
		"changes since `main (merge base",
		"1 commit, 1 changed backend file;",
		"1 finding in code the change does not touch is not listed",
		"app.js:8",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("review lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "app.js:6`") {
		t.Errorf("the old command injection is listed:\n%s", stdout)
	}
}

func TestReviewOfAHelperChange(t *testing.T) {
	dir, git := gitRepo(t)
	writeFile(t, dir, "app.js", legacyApp)
	writeFile(t, dir, "lookup.js", safeLookup)
	writeFile(t, dir, "db.js", "module.exports = { pool: {} };\n")
	git("add", "-A")
	git("commit", "-q", "-m", "legacy")
	git("checkout", "-q", "-b", "perf")

	writeFile(t, dir, "lookup.js", strings.Replace(safeLookup,
		"pool.query('SELECT * FROM users WHERE name = $1', [name])",
		"pool.query(\"SELECT * FROM users WHERE name = '\" + name + \"'\")", 1))
	git("commit", "-q", "-am", "inline the name")

	_, stdout, _ := run(t, "review", dir, "--id", "PERF-1", "--out", "-", "--fail-on", "none")
	if !strings.Contains(stdout, "SQL injection in GET /users") ||
		!strings.Contains(stdout, "lookup.js:4") {
		t.Errorf("the flow the change opens is not reported:\n%s", stdout)
	}
}

func TestReviewScopeFromDiffAndAll(t *testing.T) {
	root := vulnerableRepo(t)
	diff := "--- a/server.js\n+++ b/server.js\n@@ -1,0 +2,1 @@\n+const app = express();\n"
	var stdout strings.Builder
	code := Main(t.Context(), []string{"scan", root, "--diff", "-", "--format", "json"},
		strings.NewReader(diff), &stdout, &strings.Builder{})
	if code != exitOK || !strings.Contains(stdout.String(), `"out_of_scope": 1`) {
		t.Errorf("--diff -: exit %d\n%s", code, stdout.String())
	}

	code, _, stderr := run(t, "scan", root, "--all", "--staged")
	if code != exitError || !strings.Contains(stderr, "give one") {
		t.Errorf("two scopes: exit %d, %s", code, stderr)
	}
	_, out, _ := run(t, "review", root, "--id", "X-1", "--out", "-", "--fail-on", "none")
	if !strings.Contains(out, "not a git repository, so the whole tree is reviewed") {
		t.Errorf("outside git the review does not say it reviews everything:\n%s", out)
	}
}

func TestSuppressionsAndBaseline(t *testing.T) {
	root := t.TempDir()
	app := `const express = require('express');
const app = express();
// rampart:ignore js.code-injection -- the expression comes from our own admin UI
app.get('/calc', (req, res) => res.json(eval(req.query.expr)));
// rampart:ignore js.command-injection
app.get('/ping', (req, res) => require('child_process').exec('ping ' + req.query.host));
`
	writeFile(t, root, "app.js", app)

	_, out, _ := run(t, "scan", root, "--format", "markdown", "--show-suppressed")
	for _, want := range []string{
		"**Suppressed**: 1 finding silenced by rampart:ignore comments:",
		"`js.code-injection`: the expression comes from our own admin UI",
		"Suppression without a reason",
		"OS command injection",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("review lacks %q:\n%s", want, out)
		}
	}

	base := root + "/base.json"
	if code, _, stderr := run(t, "baseline", root, "--out", base); code != exitOK {
		t.Fatalf("baseline: exit %d %s", code, stderr)
	}
	// Lines inserted above the findings move them; the baseline still knows them.
	writeFile(t, root, "app.js", "// header\n// more\n"+app+
		"app.get('/run', (req, res) => res.json(eval(req.body.code)));\n")
	_, out, _ = run(t, "scan", root, "--format", "json", "--baseline", base)
	if !strings.Contains(out, `"baselined": 5`) || strings.Count(out, `"rule_id"`) != 1 ||
		!strings.Contains(out, `"line": 9`) {
		t.Errorf("with the baseline only the new eval should be listed:\n%s", out)
	}
}

func TestConfigurationKeys(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "app.js", `const express = require('express');
const helmet = require('helmet');
const { requireSession } = require('session-kit');
const app = express();
app.use(helmet());
app.delete('/admin/users/:id', requireSession, (req, res) => res.end());
app.get('/calc', (req, res) => res.json(eval(req.query.expr)));
`)
	writeFile(t, root, "legacy/old.js", "eval(process.argv[2]);\n")
	writeFile(t, root, ".rampart.yaml", `# team settings
exclude: [legacy/]
rules:
  disable: [js.no-rate-limit, js.x-powered-by]
  severity:
    js.code-injection: medium
fail_on: medium
output: reviews/{id}.md
middleware:
  auth: [requireSession]
`)
	code, _, stderr := run(t, "review", root, "--id", "CFG-1")
	if code != exitFindings {
		t.Errorf("fail_on medium: exit %d, want 1 (%s)", code, stderr)
	}
	review, err := os.ReadFile(filepath.Join(root, "reviews", "CFG-1.md"))
	if err != nil {
		t.Fatalf("output template not followed: %v", err)
	}
	text := string(review)
	for _, want := range []string{
		"### M", "Code injection", "No role check on DELETE /admin/users/:id",
		"excluded by the configuration: 1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("review lacks %q:\n%s", want, text)
		}
	}
	for _, banned := range []string{"No rate limiting anywhere", "X-Powered-By", "legacy/old.js:1"} {
		if strings.Contains(text, banned) {
			t.Errorf("review has %q:\n%s", banned, text)
		}
	}
}

// TestReviewOfAConfigurationChange: a branch that commits a credential and bumps a
// package to a vulnerable version changes no backend code, and the review still lists
// both, while the old vulnerable package stays out of scope.
func TestReviewOfAConfigurationChange(t *testing.T) {
	dir, git := gitRepo(t)
	writeFile(t, dir, "app.js", "module.exports = 1;\n")
	writeFile(t, dir, ".env", "PORT=3000\n")
	writeFile(t, dir, "package.json", `{"dependencies": {"lodash": "^4.17.15", "qs": "^6"}}`)
	lock := func(qs string) string {
		return `{"lockfileVersion": 3, "packages": {` + "\n" +
			`"node_modules/lodash": {"version": "4.17.15"},` + "\n" +
			`"node_modules/qs": {"version": "` + qs + `"}}}` + "\n"
	}
	writeFile(t, dir, "package-lock.json", lock("6.10.0"))
	git("add", "-A")
	git("commit", "-q", "-m", "base")
	git("checkout", "-q", "-b", "feature/OPS-3-config")
	writeFile(t, dir, ".env", "PORT=3000\nDATABASE_URL=postgres://app:Vq7rT2pLx9Zs@db/app\n")
	writeFile(t, dir, "package-lock.json", lock("6.11.0"))
	git("commit", "-q", "-am", "configure")

	_, out, stderr := run(t, "review", dir, "--base", "main", "--out", "-",
		"--db-dir", fixtureDB(t))
	for _, want := range []string{
		"0 changed backend files, 2 changed configuration files",
		"qs 6.11.0: Denial of service", "`.env:2`",
		"1 finding in code the change does not touch", // lodash, pinned before
	} {
		if !strings.Contains(out, want) {
			t.Errorf("review lacks %q:\n%s\n%s", want, out, stderr)
		}
	}
	if strings.Contains(out, "lodash 4.17.15 has") {
		t.Errorf("the old lodash pin is listed:\n%s", out)
	}
}
