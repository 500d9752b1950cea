package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/scan"
)

// runTuned runs the command line with every scan's options adjusted by tune.
func runTuned(t *testing.T, tune func(*scan.Options), args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := &env{ctx: context.Background(), stdin: strings.NewReader(""), stdout: &stdout,
		stderr: &stderr, tune: tune}
	return e.main(args), stdout.String(), stderr.String()
}

func TestStrictFailsAnIncompleteAnalysis(t *testing.T) {
	tiny := func(o *scan.Options) { o.Budget = scan.Budget{Nodes: 5} }
	args := []string{"review", example, "--all", "--id", "STRICT-1", "--out", "-"}

	code, out, stderr := runTuned(t, tiny, args...)
	if code != exitFindings {
		t.Fatalf("without --strict: exit %d, want %d (the findings): %s", code, exitFindings,
			stderr)
	}
	for _, want := range []string{"- **Partly analysed**: ", "the syntax tree has more than " +
		"5 nodes; only secrets and suppressions were checked"} {
		if !strings.Contains(out, want) {
			t.Errorf("the review lacks %q", want)
		}
	}
	if !strings.Contains(stderr, "gaps in the analysis") {
		t.Errorf("the summary does not mention the gaps:\n%s", stderr)
	}

	code, _, stderr = runTuned(t, tiny, append(args, "--strict")...)
	if code != exitError || !strings.Contains(stderr, "the analysis was incomplete") {
		t.Errorf("with --strict: exit %d: %s", code, stderr)
	}

	code, _, stderr = runTuned(t, nil, append(args, "--strict")...)
	if code != exitFindings {
		t.Errorf("--strict on a complete analysis: exit %d: %s", code, stderr)
	}
}

// TestPartialAnalysisInSARIF checks that a SARIF log says what was not analysed, as
// notifications of the run's invocation, and still matches the schema.
func TestPartialAnalysisInSARIF(t *testing.T) {
	tiny := func(o *scan.Options) { o.Budget = scan.Budget{Nodes: 5} }
	code, out, stderr := runTuned(t, tiny, "scan", example, "--all", "--format", "sarif")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{`"executionSuccessful": true`, `"level": "warning"`,
		"more than 5 nodes"} {
		if !strings.Contains(out, want) {
			t.Errorf("the SARIF log lacks %s", want)
		}
	}
	validateSARIF(t, out)
}
