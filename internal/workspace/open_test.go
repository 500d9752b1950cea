//go:build unix

package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadRefusesWhatIsNoLongerARegularFile stands for a file swapped after the walk
// looked at it: a FIFO must not block the read, and a link must not be followed.
func TestReadRefusesWhatIsNoLongerARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "a.js")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "target.js")
	if err := os.WriteFile(target, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "b.js")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}

	done := make(chan error, 1)
	go func() { _, err := readFile(fifo, 1, 1<<20); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, errNotRegular) {
			t.Errorf("a FIFO: err = %v, want errNotRegular", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a FIFO blocked")
	}
	if data, err := readFile(link, 1, 1<<20); err == nil {
		t.Errorf("a link was followed: read %q", data)
	}
	if data, err := readFile(target, 1, 1<<20); err != nil || string(data) != "x" {
		t.Errorf("a regular file: %q, %v", data, err)
	}
}

// TestFilesThatVanishDuringTheWalk removes and replaces files after the walk listed and
// looked at them and before they are read: each is skipped with its reason, the others
// are reviewed.
func TestFilesThatVanishDuringTheWalk(t *testing.T) {
	root := writeTree(t, map[string]string{
		"src/a.js": "const a = 1;\n", "src/gone.js": "const b = 2;\n",
		"src/piped.js": "const c = 3;\n",
	})
	t.Cleanup(func() { beforeOpen = nil })
	beforeOpen = func(abs string) {
		switch filepath.Base(abs) {
		case "gone.js":
			mustDo(t, os.Remove(abs))
		case "piped.js":
			mustDo(t, os.Remove(abs))
			mustDo(t, syscall.Mkfifo(abs, 0o644))
		}
	}

	res, err := Discover(root, Options{Languages: []string{JavaScript}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range res.Files {
		got[f.Rel] = f.Language
	}
	for _, s := range res.Skipped {
		got[s.Rel] = s.Reason
	}
	checkOutcomes(t, got, map[string]string{
		"src/a.js":     JavaScript,
		"src/gone.js":  "unreadable: no such file or directory",
		"src/piped.js": "unreadable: not a regular file",
	})
}
