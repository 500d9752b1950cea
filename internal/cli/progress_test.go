package cli

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rampart-sec/rampart/internal/scan"
)

// syncBuffer is a bytes.Buffer safe for the progress goroutine and the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestProgressLine(t *testing.T) {
	var out syncBuffer
	p := startProgress(&out)
	p.update(scan.Progress{Phase: scan.PhaseAnalyze, Done: 7, Total: 9})
	p.update(scan.Progress{Phase: scan.PhaseAnalyze, Done: 5, Total: 9})
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), "analysing files 7/9") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	p.Stop()

	got := out.String()
	if !strings.Contains(got, "rampart: analysing files 7/9 · ") {
		t.Errorf("progress line missing or went backwards: %q", got)
	}
	if !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("the line is not cleared at the end: %q", got)
	}
}

func TestQuietAndPipesShowNoProgress(t *testing.T) {
	// stderr is a buffer here, not a terminal: no progress line and, with --quiet, no
	// summary either.
	dir := t.TempDir()
	code, _, stderr := run(t, "review", example, "--all", "--id", "Q-1", "--out",
		dir+"/r.md", "--quiet", "--fail-on", "none")
	if code != exitOK || stderr != "" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	_, _, stderr = run(t, "review", example, "--all", "--id", "Q-1", "--out",
		dir+"/r.md", "--fail-on", "none")
	if strings.Contains(stderr, "\r") || !strings.Contains(stderr, "critical") {
		t.Errorf("stderr without --quiet: %q", stderr)
	}
}
