package config

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/taint"
)

// namesAPlace matches what every error of ours starts with or holds: a line, or the key at
// fault ("fail_on: ...", "dataflow.sinks[0]: ..."). Errors of the YAML library itself
// ("yaml: ...") may name neither, for a file that is not YAML at all.
var namesAPlace = regexp.MustCompile(`line \d+|^yaml: |^[a-z_]+(\.[\w.\-]+|\[\d+\])*[:\[]`)

func FuzzParse(f *testing.F) {
	f.Add(Template)
	f.Add([]byte("dataflow:\n  sinks:\n    - {class: sql, callee: db.runSql, args: [0]}\n"))
	f.Add([]byte("dataflow:\n  sources:\n    - call: input.get\n    - request: body\n"))
	f.Add([]byte("dataflow:\n  sanitizers:\n    - {callee: clean, classes: [xss], " +
		"when: {arg: 1, pattern: '^a'}}\n"))
	f.Add([]byte("dataflow:\n  sinks:\n    - class: command\n      callee: spawn\n" +
		"      when: {arg: 2, key: shell, value: 'true'}\n      unless: [{method: type}]\n"))
	f.Add([]byte("rules:\n  disable: [js.no-rate-limit]\n  severity:\n" +
		"    js.sql-injection: low\n"))
	f.Add([]byte("fail_on: none\noutput: reviews/{id}.md\nexclude: ['*.gen.ts']\n"))
	f.Add([]byte("middleware: {auth: [requireUser], role: [isAdmin], limiter: [slow]}\n"))
	f.Add([]byte("secrets:\n  fixtures: []\nadvisories:\n  max_age_days: 3\ntests: true\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("dataflow: [\n"))
	f.Add([]byte("---\nfail_on: high\n---\nfail_on: nope\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse(data, classes)
		if err != nil {
			checkError(t, err.Error())
			return
		}
		checkValid(t, cfg)
	})
}

// checkError asserts that a refusal says where the problem is.
func checkError(t *testing.T, msg string) {
	t.Helper()
	if strings.TrimSpace(msg) == "" {
		t.Fatal("an empty error message")
	}
	if !namesAPlace.MatchString(msg) {
		t.Errorf("error %q names no line or key", msg)
	}
}

// checkValid asserts that what Parse accepts holds no value that it promises to refuse.
func checkValid(t *testing.T, cfg *Config) {
	t.Helper()
	if cfg.FailOn != "" && cfg.FailOn != "none" && !slices.Contains(severities, cfg.FailOn) {
		t.Errorf("accepted fail_on %q", cfg.FailOn)
	}
	if cfg.Output != "" && !validOutput(cfg.Output) {
		t.Errorf("accepted output %q", cfg.Output)
	}
	for id, sev := range cfg.Rules.Severity {
		if !slices.Contains(classes.Rules, id) || !slices.Contains(severities, sev) {
			t.Errorf("accepted severity %q: %q", id, sev)
		}
	}
	for _, s := range cfg.Dataflow.Sinks {
		if s.Callee == "" || !slices.Contains(classes.Classes, s.Class) {
			t.Errorf("accepted sink %+v", s)
		}
		if slices.ContainsFunc(s.Args, func(a int) bool { return a < 0 }) {
			t.Errorf("accepted negative sink arguments %v", s.Args)
		}
		bad := func(c taint.Condition) bool { return badCondition(&c) != "" }
		if badCondition(s.When) != "" || slices.ContainsFunc(s.Unless, bad) {
			t.Errorf("accepted sink conditions %+v, %+v", s.When, s.Unless)
		}
	}
	for _, s := range cfg.Dataflow.Sanitizers {
		if s.Callee == "" || badCondition(s.When) != "" {
			t.Errorf("accepted sanitizer %+v", s)
		}
	}
	if cfg.Advisories.MaxAgeDays < 0 {
		t.Errorf("accepted max_age_days %d", cfg.Advisories.MaxAgeDays)
	}
	cfg.Dataflow.Catalog()
	cfg.Middleware.Kinds()
}

// TestParseRefusesWhatTheAnalysisCannotUse keeps inputs that once passed Parse and then
// broke the scan: a negative argument position indexed the call's arguments.
func TestParseRefusesWhatTheAnalysisCannotUse(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"dataflow:\n  sinks:\n    - {class: sql, callee: db.run, args: [0, -1]}\n",
			"line 3: dataflow.sinks[0].args: [0 -1]: argument positions count from 0"},
		{"dataflow:\n  sinks:\n    - class: sql\n      callee: db.run\n" +
			"      when: {arg: -2, value: x}\n",
			"line 5: dataflow.sinks[0].when: arg -2"},
		{"dataflow:\n  sinks:\n    - class: sql\n      callee: db.run\n" +
			"      unless:\n        - {arg: 0}\n        - {arg: 0, pattern: '('}\n",
			"line 6: dataflow.sinks[0].unless: item 1: pattern \"(\""},
		{"dataflow:\n  sanitizers:\n    - callee: clean\n      when: {receiver: '[a'}\n",
			"line 4: dataflow.sanitizers[0].when: pattern \"[a\""},
	} {
		_, err := Parse([]byte(tc.yaml), classes)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error = %v, want it to contain %q", tc.yaml, err, tc.want)
		}
	}
}
