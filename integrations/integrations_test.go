package integrations

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/rampart-sec/rampart/internal/osvdb/osvdbtest"
)

// moduleRoot is the repository root, where action.yml and the hook file live.
const moduleRoot = ".."

const unsafeQuery = `"SELECT * FROM users WHERE name = '" + req.query.name + "'"`

const safeQuery = `'SELECT * FROM users WHERE name = $1', [req.query.name]`

// app returns an Express app whose one route runs query.
func app(query string) string {
	return "const express = require('express');\n" +
		"const db = require('./db');\n" +
		"const app = express();\n" +
		"app.get('/users', async (req, res) => {\n" +
		"  const rows = await db.query(" + query + ");\n" +
		"  res.json(rows);\n" +
		"});\n" +
		"module.exports = app;\n"
}

// runnerTemp stands for the runner's temporary directory, which outlives each test so
// that rampart is built once.
var runnerTemp string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rampart-integrations-")
	if err != nil {
		panic(err)
	}
	runnerTemp = dir
	// The analysis cache of the commands the tests run stays with the tests.
	os.Setenv("RAMPART_CACHE_DIR", filepath.Join(dir, "cache"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var installed sync.Mutex

// install runs the action's install step, as the runner would, once, and returns the
// directory it put on the PATH.
func install(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds rampart")
	}
	installed.Lock()
	defer installed.Unlock()
	pathFile := filepath.Join(runnerTemp, "path")
	if _, err := os.Stat(pathFile); err != nil {
		src, err := filepath.Abs(moduleRoot)
		if err != nil {
			t.Fatal(err)
		}
		out, err := script(t, "scripts/action/install.sh", nil,
			"RAMPART_SRC="+src, "RUNNER_TEMP="+runnerTemp, "GITHUB_PATH="+pathFile)
		if err != nil {
			t.Fatalf("install: %v\n%s", err, out)
		}
	}
	data, err := os.ReadFile(pathFile)
	if err != nil {
		t.Fatal(err)
	}
	bin := strings.TrimSpace(string(data))
	if _, err := os.Stat(filepath.Join(bin, "rampart")); err != nil {
		t.Fatalf("install left no binary: %v", err)
	}
	return bin
}

// script runs one of the repository's scripts with env added to the environment.
func script(t *testing.T, rel string, dir *string, env ...string) (string, error) {
	t.Helper()
	path, err := filepath.Abs(filepath.Join(moduleRoot, rel))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path)
	if dir != nil {
		cmd.Dir = *dir
	}
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// gitRun runs git in dir and fails the test on an error.
func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c",
		"user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, dir, rel, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, rel), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// pullRequest makes an origin whose main holds a safe app and a clone with a branch
// that changes the query, the way actions/checkout leaves a pull request.
func pullRequest(t *testing.T, query string) string {
	t.Helper()
	return pullRequestWith(t, map[string]string{"app.js": app(query)})
}

// pullRequestWith is pullRequest with a branch that writes the given files.
func pullRequestWith(t *testing.T, files map[string]string) string {
	t.Helper()
	base := t.TempDir()
	origin := filepath.Join(base, "origin.git")
	work := filepath.Join(base, "work")
	gitRun(t, base, "init", "-q", "--bare", "-b", "main", origin)
	gitRun(t, base, "clone", "-q", origin, work)
	gitRun(t, work, "checkout", "-q", "-b", "main")
	write(t, work, "app.js", app(safeQuery))
	gitRun(t, work, "add", ".")
	gitRun(t, work, "commit", "-q", "-m", "app")
	gitRun(t, work, "push", "-q", "origin", "main")
	gitRun(t, work, "checkout", "-q", "-b", "feature")
	for rel, content := range files {
		write(t, work, rel, content)
	}
	gitRun(t, work, "add", ".")
	gitRun(t, work, "commit", "-q", "-m", "the change")
	// The runner fetches the base itself; start without the remote-tracking branch.
	gitRun(t, work, "update-ref", "-d", "refs/remotes/origin/main")
	return work
}

type actionRun struct {
	outputs map[string]string
	summary string
}

func reviewStep(t *testing.T, bin, work string) actionRun {
	t.Helper()
	temp := t.TempDir()
	outFile := filepath.Join(temp, "output")
	summary := filepath.Join(temp, "summary")
	// OSV's bucket stands in a local server with the project's fixture advisories.
	mirror := osvdbtest.Serve(t, map[string][]byte{"/npm/all.zip": osvdbtest.Archive(t,
		filepath.Join(moduleRoot, "internal", "deps", "testdata", "advisories", "npm"))})
	out, err := script(t, "scripts/action/review.sh", &work,
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"RUNNER_TEMP="+temp, "GITHUB_OUTPUT="+outFile, "GITHUB_STEP_SUMMARY="+summary,
		"INPUT_PATH=.", "INPUT_FAIL_ON=high", "PR_BASE_REF=main", "PR_NUMBER=7",
		"HOME="+temp, "RAMPART_OSV_SOURCE="+mirror.URL, "RAMPART_DB_DIR=")
	if err != nil {
		t.Fatalf("review step: %v\n%s", err, out)
	}
	data, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	run := actionRun{outputs: map[string]string{}}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		k, v, _ := strings.Cut(line, "=")
		run.outputs[k] = v
	}
	s, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	run.summary = string(s)
	return run
}

func TestActionReviewsAPullRequest(t *testing.T) {
	bin := install(t)

	t.Run("unsafe change", func(t *testing.T) {
		run := reviewStep(t, bin, pullRequest(t, unsafeQuery))
		if run.outputs["findings"] != "true" {
			t.Errorf("findings = %q, want true", run.outputs["findings"])
		}
		if !strings.Contains(run.summary, "PR-7") ||
			!strings.Contains(run.summary, "SQL injection") {
			t.Errorf("the job summary lacks the review:\n%s", run.summary)
		}
		var log struct {
			Runs []struct {
				Results []struct {
					RuleID string `json:"ruleId"`
				} `json:"results"`
			} `json:"runs"`
		}
		data, err := os.ReadFile(run.outputs["sarif-file"])
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &log); err != nil {
			t.Fatal(err)
		}
		var rules []string
		for _, r := range log.Runs[0].Results {
			rules = append(rules, r.RuleID)
		}
		if !strings.Contains(strings.Join(rules, " "), "js.sql-injection") {
			t.Errorf("SARIF results %v lack js.sql-injection", rules)
		}
		if out, err := script(t, "scripts/action/fail.sh", nil); err == nil {
			t.Errorf("the fail step passed:\n%s", out)
		}
	})

	t.Run("vulnerable dependency", func(t *testing.T) {
		run := reviewStep(t, bin, pullRequestWith(t, map[string]string{
			"package.json": `{"dependencies": {"lodash": "^4.17.15"}}`,
			"package-lock.json": `{"lockfileVersion": 3, "packages": {` +
				`"node_modules/lodash": {"version": "4.17.15"}}}`,
		}))
		if run.outputs["findings"] != "true" {
			t.Errorf("findings = %q, want true", run.outputs["findings"])
		}
		for _, want := range []string{"lodash 4.17.15 has 2 known vulnerabilities",
			"checked against the local OSV advisories for npm"} {
			if !strings.Contains(run.summary, want) {
				t.Errorf("the job summary lacks %q:\n%s", want, run.summary)
			}
		}
	})

	t.Run("safe change", func(t *testing.T) {
		run := reviewStep(t, bin, pullRequest(t, safeQuery+" /* same */"))
		if run.outputs["findings"] != "false" {
			t.Errorf("findings = %q, want false", run.outputs["findings"])
		}
		if _, err := os.Stat(run.outputs["sarif-file"]); err != nil {
			t.Errorf("no SARIF for a clean review: %v", err)
		}
	})
}

// TestActionStepsRunTheScripts keeps action.yml and the scripts in step: every shell
// step runs a script that exists and is executable, and the review step passes what the
// script reads.
func TestActionStepsRunTheScripts(t *testing.T) {
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				ID   string            `yaml:"id"`
				Run  string            `yaml:"run"`
				Uses string            `yaml:"uses"`
				Env  map[string]string `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	readYAML(t, "action.yml", &action)
	if action.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q", action.Runs.Using)
	}
	if action.Inputs["fail-on"].Default != "high" {
		t.Errorf("fail-on defaults to %q", action.Inputs["fail-on"].Default)
	}
	uploads := false
	for _, step := range action.Runs.Steps {
		uploads = uploads || strings.HasPrefix(step.Uses, "github/codeql-action/upload-sarif")
		if step.Run == "" {
			continue
		}
		_, rel, ok := strings.Cut(step.Run, "/scripts/")
		if !ok {
			t.Errorf("step %q runs %q, not a script", step.ID, step.Run)
			continue
		}
		path := filepath.Join(moduleRoot, "scripts", strings.Trim(rel, `"'`))
		info, err := os.Stat(path)
		if err != nil || info.Mode()&0o111 == 0 {
			t.Errorf("step %q: %s is missing or not executable (%v)", step.ID, path, err)
		}
		if step.ID == "review" {
			for _, name := range []string{"INPUT_PATH", "INPUT_BASE", "INPUT_ID",
				"INPUT_FAIL_ON", "INPUT_ADVISORIES", "PR_BASE_REF", "PR_NUMBER"} {
				if _, ok := step.Env[name]; !ok {
					t.Errorf("the review step does not pass %s", name)
				}
			}
		}
	}
	if !uploads {
		t.Error("no step uploads the SARIF")
	}
}

func readYAML(t *testing.T, rel string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(moduleRoot, rel))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
}

// TestPreCommitHook runs the hook's entry as pre-commit would, in a repository with a
// staged change: an unsafe change stops the commit, a safe one lets it through.
func TestPreCommitHook(t *testing.T) {
	var hooks []struct {
		ID           string `yaml:"id"`
		Entry        string `yaml:"entry"`
		Language     string `yaml:"language"`
		PassFilename *bool  `yaml:"pass_filenames"`
	}
	readYAML(t, ".pre-commit-hooks.yaml", &hooks)
	if len(hooks) != 1 || hooks[0].ID != "rampart" {
		t.Fatalf("hooks: %+v", hooks)
	}
	hook := hooks[0]
	if hook.PassFilename == nil || *hook.PassFilename {
		t.Error("the hook must not take file names: it reviews the staged change")
	}
	entry := strings.Fields(hook.Entry)
	if entry[0] != "rampart" {
		t.Fatalf("entry %q does not run rampart", hook.Entry)
	}
	bin := install(t)

	for _, tc := range []struct {
		name, query string
		wantCode    int
	}{
		{"unsafe", unsafeQuery, 1},
		{"safe", safeQuery, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			repo := t.TempDir()
			gitRun(t, repo, "init", "-q", "-b", "main")
			write(t, repo, "app.js", app(tc.query))
			gitRun(t, repo, "add", "app.js")

			cmd := exec.Command(filepath.Join(bin, "rampart"), entry[1:]...)
			cmd.Dir = repo
			out, err := cmd.CombinedOutput()
			code := 0
			if exit, ok := err.(*exec.ExitError); ok {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d:\n%s", code, tc.wantCode, out)
			}
			if tc.wantCode == 1 && !strings.Contains(string(out), "js.sql-injection") {
				t.Errorf("the hook's output does not name the finding:\n%s", out)
			}
		})
	}
}
