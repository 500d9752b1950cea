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
