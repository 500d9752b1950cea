package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestColorNeedsATerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	// /dev/null is a character device but not a terminal.
	for _, w := range []io.Writer{null, &bytes.Buffer{}} {
		if colorWanted(w, false) {
			t.Errorf("colour wanted for %T", w)
		}
	}
}

func TestTextForShowsPathsFromHere(t *testing.T) {
	dir := t.TempDir()
	if got := textFor(".", false); got.Dir != "." || got.LinkRoot != "" {
		t.Errorf("textFor(.) = %+v", got)
	}
	got := textFor(dir, true)
	if got.Dir != filepath.ToSlash(dir) || got.LinkRoot != dir || !got.Color {
		t.Errorf("textFor(%s) = %+v", dir, got)
	}
	if got := textFor(filepath.Join(dir, "missing"), true); got.Dir != "" {
		t.Errorf("a missing root should leave paths as they are: %+v", got)
	}
}
