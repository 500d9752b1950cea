//go:build unix

package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestSymbolicLinks(t *testing.T) {
	outside := writeTree(t, map[string]string{"secret.js": plainJS})
	root := writeTree(t, map[string]string{"app.js": plainJS, "src/lib.js": plainJS})
	links := map[string]string{
		"src/loop":    "..",                                 // a directory loop
		"escape.js":   filepath.Join(outside, "secret.js"),  // a file out of the root
		"outside":     outside,                              // a directory out of the root
		"alias.js":    "app.js",                             // a file inside the root
		"dangling.ts": filepath.Join(outside, "missing.ts"), // no target at all
		"README.md":   "app.js",                             // not source by name
	}
	for name, target := range links {
		mustDo(t, os.Symlink(target, filepath.Join(root, name)))
	}

	checkOutcomes(t, outcomes(t, root, Options{}), map[string]string{
		"app.js":      JavaScript,
		"src/lib.js":  JavaScript,
		"src/loop":    "symbolic link",
		"escape.js":   "symbolic link",
		"outside":     "symbolic link",
		"alias.js":    "symbolic link",
		"dangling.ts": "symbolic link",
	})
}

func TestFIFO(t *testing.T) {
	root := writeTree(t, map[string]string{"app.js": plainJS})
	mustDo(t, syscall.Mkfifo(filepath.Join(root, "pipe.js"), 0o644))
	mustDo(t, syscall.Mkfifo(filepath.Join(root, "pipe"), 0o644))
	mustDo(t, syscall.Mkfifo(filepath.Join(root, "pipe.txt"), 0o644))

	done := make(chan *Result)
	go func() {
		res, err := Discover(root, Options{})
		if err != nil {
			t.Errorf("Discover: %v", err)
		}
		done <- res
	}()
	select {
	case res := <-done:
		if res == nil {
			return
		}
		checkOutcomes(t, resultOutcomes(t, res), map[string]string{
			"app.js":  JavaScript,
			"pipe.js": "not a regular file",
			"pipe":    "not a regular file",
		})
	case <-time.After(10 * time.Second):
		t.Fatal("Discover hangs on a FIFO")
	}
}

func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("permission bits do not stop root")
	}
	root := writeTree(t, map[string]string{
		"app.js": plainJS, "locked.js": plainJS, "private/a.js": plainJS, "tool": "x",
	})
	for _, rel := range []string{"locked.js", "private", "tool"} {
		mustDo(t, os.Chmod(filepath.Join(root, rel), 0))
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(root, "private"), 0o755) })

	checkOutcomes(t, outcomes(t, root, Options{}), map[string]string{
		"app.js":    JavaScript,
		"locked.js": "unreadable: permission denied",
		"private/":  "unreadable: permission denied",
		"tool":      "unreadable: permission denied",
	})

	if _, err := Discover(filepath.Join(root, "locked.js"), Options{}); err == nil {
		t.Error("Discover(unreadable file root) succeeded, want an error")
	}
	mustDo(t, os.Chmod(root, 0))
	defer os.Chmod(root, 0o755)
	if _, err := Discover(root, Options{}); err == nil ||
		!strings.Contains(err.Error(), "permission denied") {
		t.Errorf("Discover(unreadable root) error = %v, want permission denied", err)
	}
}

func TestSymlinkedRoot(t *testing.T) {
	real := writeTree(t, map[string]string{"app.js": plainJS})
	link := filepath.Join(t.TempDir(), "checkout")
	mustDo(t, os.Symlink(real, link))

	res, err := Discover(link, Options{})
	if err != nil {
		t.Fatal(err)
	}
	resolved, err := filepath.EvalSymlinks(real)
	mustDo(t, err)
	if len(res.Files) != 1 || res.Files[0].Abs != filepath.Join(resolved, "app.js") {
		t.Errorf("Files = %+v, want app.js below %s", res.Files, resolved)
	}
}
