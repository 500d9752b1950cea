package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOutputDirWritesEachFormat(t *testing.T) {
	dir := t.TempDir()
	code, out, stderr := run(t, "scan", example, "--format", "markdown,json,sarif",
		"--output-dir", dir, "--id", "DEMO-1")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if out != "" {
		t.Errorf("stdout should stay empty, got %d bytes", len(out))
	}
	for format, name := range map[string]string{
		"markdown": "DEMO-1_backend_security.md",
		"json":     "DEMO-1_backend_security.json",
		"sarif":    "DEMO-1_backend_security.sarif",
	} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		_, want, _ := run(t, "scan", example, "--format", format, "--id", "DEMO-1")
		if string(got) != want {
			t.Errorf("%s differs from scan --format %s", name, format)
		}
	}
}

func TestOutputFlagBesideStdout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.sarif")
	code, out, stderr := run(t, "scan", example, "--format", "json", "--output",
		"sarif="+path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "{") {
		t.Errorf("stdout should hold the JSON, got %.40q", out)
	}
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), `"version": "2.1.0"`) {
		t.Errorf("sarif output: %v %.60q", err, data)
	}
}

func TestOutputErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "json,sarif"}, "give --output-dir"},
		{[]string{"--format", "xml"}, `unknown format "xml"`},
		{[]string{"--output", "sarif"}, "want FORMAT=PATH"},
		{[]string{"--output", "pdf=x.pdf"}, `unknown format "pdf"`},
		{[]string{"--output", "json=-", "--output", "sarif=-"}, "only one output"},
	} {
		args := append([]string{"scan", example}, tc.args...)
		code, _, stderr := run(t, args...)
		if code != exitError || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, stderr, tc.want)
		}
	}
}
