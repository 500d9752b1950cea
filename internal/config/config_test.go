package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/taint"
)

var classes = Known{
	Classes: []taint.Class{"sql", "xss", "command"},
	Rules:   []string{"js.sql-injection", "js.no-rate-limit"},
}

func TestParseValid(t *testing.T) {
	cfg, err := Parse([]byte(`
dataflow:
  sources:
    - call: input.get
    - request: session.returnTo
  sinks:
    - {class: sql, callee: db.runSql, args: [0]}
  sanitizers:
    - {callee: cleanHtml, classes: [xss]}
`), classes)
	if err != nil {
		t.Fatal(err)
	}
	cat := cfg.Dataflow.Catalog()
	if len(cat.SourceCalls) != 1 || cat.SourceCalls[0].Callee != "input.get" {
		t.Errorf("source calls = %+v", cat.SourceCalls)
	}
	if len(cat.Sources) != 1 || cat.Sources[0] != "$request.session.returnTo" {
		t.Errorf("sources = %v", cat.Sources)
	}
	if len(cat.Sinks) != 1 || cat.Sinks[0].Callee != "db.runSql" || cat.Sinks[0].Class != "sql" {
		t.Errorf("sinks = %+v", cat.Sinks)
	}
}

func TestParseErrorsNameTheKeyAndLine(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"unknown top-level key", "dataflow: {}\nrulez: [a]\n",
			"line 2: field rulez is not a known key (want one of exclude, include, tests,"},
		{"unknown nested key", "dataflow:\n  sinks:\n    - {class: sql, calee: x}\n",
			"line 3: field calee is not a known key"},
		{"unknown class", "dataflow:\n  sinks:\n    - callee: db.run\n      class: sqli\n",
			`line 4: dataflow.sinks[0].class: unknown class "sqli" (want one of command, sql, xss)`},
		{"sink without callee", "dataflow:\n  sinks:\n    - class: sql\n",
			"line 3: dataflow.sinks[0]: callee is required"},
		{"sanitizer class", "dataflow:\n  sanitizers:\n    - {callee: f, classes: [html]}\n",
			`line 3: dataflow.sanitizers[0].classes: unknown class "html"`},
		{"source with both", "dataflow:\n  sources:\n    - {call: f, request: body}\n",
			"line 3: dataflow.sources[0]: set exactly one of call and request"},
		{"wrong type", "dataflow:\n  sinks: yes\n", "line 2"},
		{"unknown disabled rule", "rules:\n  disable: [js.nope]\n",
			`line 2: rules.disable[0]: unknown rule "js.nope"`},
		{"bad severity", "rules:\n  severity:\n    js.sql-injection: severe\n",
			`line 3: rules.severity.js.sql-injection: severity "severe"`},
		{"bad fail_on", "fail_on: sometimes\n", `line 1: fail_on: "sometimes"`},
		{"negative advisory age", "advisories:\n  max_age_days: -1\n",
			"line 2: advisories.max_age_days: -1"},
		{"advisory age not a number", "advisories:\n  max_age_days: week\n", "line 2"},
		{"output outside", "output: ../../etc/{id}.md\n", "line 1: output:"},
		{"not yaml", "dataflow: [\n", "yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.yaml), classes)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	root := t.TempDir()
	cfg, err := Load(root, "", classes)
	if err != nil || cfg.Path != "" {
		t.Fatalf("no file: cfg %+v, err %v; want an empty configuration", cfg, err)
	}
	if _, err := Load(root, filepath.Join(root, "missing.yaml"), classes); err == nil {
		t.Error("a missing --config file is not an error")
	}

	path := filepath.Join(root, FileName)
	if err := os.WriteFile(path, []byte("dataflow:\n  bogus: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(root, "", classes)
	if err == nil || !strings.Contains(err.Error(), FileName) ||
		!strings.Contains(err.Error(), "line 2") {
		t.Errorf("error = %v, want the file name and the line", err)
	}
}

func TestEmptyFileIsEmptyConfig(t *testing.T) {
	cfg, err := Parse(nil, classes)
	if err != nil || len(cfg.Dataflow.Sinks) != 0 {
		t.Errorf("cfg %+v, err %v", cfg, err)
	}
}

func TestTemplateIsValid(t *testing.T) {
	cfg, err := Parse(Template, classes)
	if err != nil {
		t.Fatalf("the starting configuration does not parse: %v", err)
	}
	if cfg.FailOn != "high" || cfg.Output == "" {
		t.Errorf("template values: %+v", cfg)
	}
	root := t.TempDir()
	if _, err := WriteTemplate(root, false); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteTemplate(root, false); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Errorf("second write: %v, want a refusal naming --force", err)
	}
	if _, err := WriteTemplate(root, true); err != nil {
		t.Errorf("--force: %v", err)
	}
}

func TestSecretFixturesTellAbsentFromEmpty(t *testing.T) {
	for _, tc := range []struct {
		yaml string
		want []string // nil: absent
	}{
		{"tests: true\n", nil},
		{"secrets:\n  fixtures: []\n", []string{}},
		{"secrets:\n  fixtures: [samples/]\n", []string{"samples/"}},
	} {
		cfg, err := Parse([]byte(tc.yaml), classes)
		if err != nil {
			t.Fatal(err)
		}
		got := cfg.Secrets.Fixtures
		if (got == nil) != (tc.want == nil) || got != nil && !slices.Equal(*got, tc.want) {
			t.Errorf("%q: fixtures %v, want %v", tc.yaml, got, tc.want)
		}
	}
}
