package cli

import (
	"io"
	"os"
	"path/filepath"

	"golang.org/x/term"

	"github.com/rampart-sec/rampart/internal/report"
)

// isTerminal reports whether w is a terminal, where colours and progress make sense.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// colorWanted says whether to colour what goes to w: a terminal, not a dumb one, and no
// NO_COLOR in the environment (https://no-color.org) or --no-color on the command line.
func colorWanted(w io.Writer, noColor bool) bool {
	return !noColor && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb" &&
		isTerminal(w)
}

// textFor returns the text writer for a review of root: paths shown from the current
// directory, and colours and hyperlinks when color is set.
func textFor(root string, color bool) report.Text {
	t := report.Text{Color: color}
	if info, err := os.Stat(root); err == nil && info.IsDir() {
		t.Dir = filepath.ToSlash(filepath.Clean(root))
	}
	if abs, err := filepath.Abs(root); color && err == nil && t.Dir != "" {
		t.LinkRoot = abs
	}
	return t
}
