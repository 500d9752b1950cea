//go:build linux

package cli

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rampart-sec/rampart/internal/report"
)

// The routes of the hostile repository: one in plain source, and one outside the root
// that only a followed link would bring in.
const (
	plainRoute = "const express = require('express');\nconst app = express();\n" +
		"app.get('/calc', (req, res) => res.json(eval(req.query.expr)));\n"
	outsideRoute = "const express = require('express');\nconst app = express();\n" +
		"app.get('/outside', (req, res) => res.json(eval(req.query.cmd)));\n"
)

// hostileDeadline bounds each run: a scan that blocks on a FIFO fails rather than hangs.
const hostileDeadline = 30 * time.Second

// pathMax is Linux's PATH_MAX: no system call takes a longer path, so a file below it
// cannot be read even by root.
const pathMax = 4096

// hostile is a repository built to trip every input path of discovery, with the outcome
// each hostile file should get.
type hostile struct {
	root, outside string
	// skipped maps each path that must be listed as skipped to its reason.
	skipped map[string]string
	// found lists files, each with a finding that shows it was analysed.
	found []string
}

// TestHostileRepository scans and reviews a repository of binary, oversized, deeply
// nested, linked, special and unreadable files: each run completes, reports the plain
// finding, lists every hostile file with its reason and reports nothing from outside.
func TestHostileRepository(t *testing.T) {
	h := newHostile(t)
	t.Run("scan", func(t *testing.T) {
		code, out, stderr := runWithin(t, "scan", h.root, "--all", "--format", "json")
		if code != exitOK {
			t.Fatalf("exit %d, want %d (scan fails on nothing by default): %s", code, exitOK,
				stderr)
		}
		var rev report.JSONReview
		if err := json.Unmarshal([]byte(out), &rev); err != nil || !utf8.ValidString(out) {
			t.Fatalf("output is not valid UTF-8 JSON: %v", err)
		}
		h.checkFindings(t, rev.Findings)
		h.checkSkipped(t, rev.Scope.SkippedFiles)
		if pe := rev.Scope.ParseErrors; len(pe) > 0 {
			t.Errorf("partly parsed %+v, want none: deep nesting and Latin-1 parse", pe)
		}
		h.checkNothingOutside(t, out+stderr)
	})
	t.Run("review", func(t *testing.T) {
		code, out, stderr := runWithin(t, "review", h.root, "--all", "--id", "HOSTILE-1",
			"--out", "-")
		if code != exitFindings {
			t.Fatalf("exit %d, want %d (a critical finding): %s", code, exitFindings, stderr)
		}
		h.checkPreamble(t, preamble(out))
		if !strings.Contains(out, "`src/server.js:3`") {
			t.Error("the review lacks the finding at src/server.js:3")
		}
		h.checkNothingOutside(t, out+stderr)
	})
}

// runWithin is run with a deadline.
func runWithin(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code        int
		out, stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, out, stderr := run(t, args...)
		done <- result{code, out, stderr}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.stderr
	case <-time.After(hostileDeadline):
		t.Fatalf("%s did not finish in %v", args[0], hostileDeadline)
		return 0, "", ""
	}
}

func newHostile(t *testing.T) *hostile {
	// The root resolved, as discovery resolves it, for the lengths of longDir.
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	h := &hostile{root: root, outside: t.TempDir(), skipped: map[string]string{}}
	h.writeSource(t)
	h.writeNested(t)
	h.writeSpecial(t)
	h.writeLinks(t)
	h.writeUnreadable(t)
	return h
}

// writeSource writes the plain route and the files that are source by name but not by
// content.
func (h *hostile) writeSource(t *testing.T) {
	writeFile(t, h.root, "src/server.js", plainRoute)
	h.found = append(h.found, "src/server.js")

	noise := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range noise[64:] {
		noise[64+i] = byte(rng.Uint32())
	}
	writeFile(t, h.root, "x.js", string(noise)) // 64 NUL bytes, then noise
	h.skipped["x.js"] = "binary"

	// Latin-1 bytes in a comment and in a string: invalid UTF-8, yet JavaScript to read.
	writeFile(t, h.root, "latin1.js", "// caf\xe9 \xff\xfe\n"+strings.Replace(plainRoute,
		"res.json(", "res.json('\xe9' + ", 1))
	h.found = append(h.found, "latin1.js")

	// Written, never read: the size rule applies before the file is opened.
	big := bytes.Repeat([]byte("var a=1;"), 50<<20/8)
	if err := os.WriteFile(filepath.Join(h.root, "bundle.js"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	h.skipped["bundle.js"] = "larger than 1 MiB"

	writeFile(t, h.root, "new\nline.js", plainRoute)
	writeFile(t, h.root, "with space.js", plainRoute)
	h.found = append(h.found, "new\nline.js", "with space.js")
}

// writeNested writes 10,000-deep calls, arrays and blocks, each before a route whose
// finding shows that the file was analysed past them; the same nesting on one line is
// minified.
func (h *hostile) writeNested(t *testing.T) {
	const depth = 10_000
	nested := map[string]string{
		"deep-calls.js":  "a(\n" + strings.Repeat("f(\n", depth) + strings.Repeat(")\n", depth+1),
		"deep-arrays.js": "x = " + strings.Repeat("[\n", depth) + strings.Repeat("]\n", depth),
		"deep-blocks.js": strings.Repeat("{\n", depth) + strings.Repeat("}\n", depth),
	}
	for name, body := range nested {
		writeFile(t, h.root, name, body+plainRoute)
		h.found = append(h.found, name)
	}
	writeFile(t, h.root, "deep-oneline.js", strings.Repeat("a(", depth)+
		strings.Repeat(")", depth)+"\n")
	h.skipped["deep-oneline.js"] = "minified"
}

// writeSpecial makes FIFOs where source and an ignore file are expected: opening either
// would block the scan for good.
func (h *hostile) writeSpecial(t *testing.T) {
	mustMkfifo(t, filepath.Join(h.root, "pipe.js"))
	h.skipped["pipe.js"] = "not a regular file"

	if err := os.MkdirAll(filepath.Join(h.root, ".git", "info"), 0o755); err != nil {
		t.Fatal(err)
	}
	mustMkfifo(t, filepath.Join(h.root, ".git", "info", "exclude"))
	h.skipped[".git/info/exclude"] = "not a regular file"
	h.skipped[".git"] = "version control"
}

func mustMkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeLinks makes a loop, and links to a directory and to files outside the root whose
// route and credentials would be reported if a link were followed. A copy of the
// credential inside the root shows that it would.
func (h *hostile) writeLinks(t *testing.T) {
	writeFile(t, h.outside, "routes/admin.js", outsideRoute)
	writeFile(t, h.outside, "secret.js", "const stripe = '"+planted[0]+"';\n"+outsideRoute)
	writeFile(t, h.outside, ".env", "STRIPE_KEY="+planted[0]+"\n")
	writeFile(t, h.root, "keys.js", "module.exports = { stripe: '"+planted[0]+"' };\n")
	h.found = append(h.found, "keys.js")

	for name, target := range map[string]string{
		"loop":      ".",
		"routes":    filepath.Join(h.outside, "routes"),
		"config.js": filepath.Join(h.outside, "secret.js"),
		".env":      filepath.Join(h.outside, ".env"), // passed over unlisted: not source
	} {
		if err := os.Symlink(target, filepath.Join(h.root, name)); err != nil {
			t.Fatal(err)
		}
		if name != ".env" {
			h.skipped[name] = "symbolic link"
		}
	}
}

// writeUnreadable makes files that cannot be read. Permission bits stop only other users,
// so as root locked.js is analysed; a path past PATH_MAX stops root too.
func (h *hostile) writeUnreadable(t *testing.T) {
	writeFile(t, h.root, "locked.js", plainRoute)
	if err := os.Chmod(filepath.Join(h.root, "locked.js"), 0); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		h.found = append(h.found, "locked.js")
	} else {
		h.skipped["locked.js"] = "unreadable: permission denied"
	}

	dir := h.longDir(t)
	writeFile(t, h.root, dir+"/near.js", plainRoute)
	h.found = append(h.found, dir+"/near.js")
	long := strings.Repeat("f", 240) + ".js"
	deeper := strings.Repeat("g", 240)
	r, err := os.OpenRoot(filepath.Join(h.root, filepath.FromSlash(dir)))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := r.WriteFile(long, []byte(plainRoute), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := r.Mkdir(deeper, 0o755); err != nil {
		t.Fatal(err)
	}
	h.skipped[dir+"/"+long] = "unreadable: file name too long"
	h.skipped[dir+"/"+deeper] = "unreadable: file name too long"
}

// longDir makes below the root a directory whose absolute path is about 3,900 bytes, so
// that a name of 240 more takes a path past PATH_MAX, and returns its relative path.
func (h *hostile) longDir(t *testing.T) string {
	var parts []string
	for n := len(h.root); n < pathMax-200; {
		part := strings.Repeat("d", min(200, pathMax-200-n))
		parts = append(parts, part)
		n += 1 + len(part)
	}
	rel := strings.Join(parts, "/")
	if err := os.MkdirAll(filepath.Join(h.root, filepath.FromSlash(rel)), 0o755); err != nil {
		t.Fatal(err)
	}
	return rel
}

// checkFindings asserts that every file meant to be analysed has a finding, and that no
// finding comes from a skipped file or through a link.
func (h *hostile) checkFindings(t *testing.T, fs []report.JSONFinding) {
	t.Helper()
	files := map[string]bool{}
	for _, f := range fs {
		file := f.Location.File
		files[file] = true
		_, listed := h.skipped[file]
		if listed || file == ".env" || strings.HasPrefix(file, "routes/") ||
			strings.HasPrefix(file, "loop/") {
			t.Errorf("finding %s in %q, which is skipped or behind a link", f.RuleID, file)
		}
	}
	for _, name := range h.found {
		if !files[name] {
			t.Errorf("no finding in %q: it was not analysed", name)
		}
	}
	if !slices.ContainsFunc(fs, func(f report.JSONFinding) bool {
		return f.Location.File == "src/server.js" && f.Location.Line == 3 &&
			f.RuleID == "js.code-injection"
	}) {
		t.Error("the code injection at src/server.js:3 is not reported")
	}
}

// checkSkipped compares the skipped files with the expected reasons, both ways.
func (h *hostile) checkSkipped(t *testing.T, skips []report.Skip) {
	t.Helper()
	got := map[string]string{}
	for _, s := range skips {
		got[s.File] = s.Reason
	}
	for name, want := range h.skipped {
		if got[name] != want {
			t.Errorf("skipped %q: reason %q, want %q", short(name), got[name], want)
		}
	}
	for name, reason := range got {
		if _, ok := h.skipped[name]; !ok {
			t.Errorf("unexpected skip %q: %q", short(name), reason)
		}
	}
}

// checkNothingOutside asserts that no output names the outside directory or its route.
func (h *hostile) checkNothingOutside(t *testing.T, out string) {
	t.Helper()
	for _, leak := range []string{h.outside, "/outside", "admin.js", "secret.js"} {
		if strings.Contains(out, leak) {
			t.Errorf("the output names %q, which lies outside the root", leak)
		}
	}
}

// checkPreamble asserts that the review's preamble counts every skip reason. It names no
// skipped file: the JSON lists them.
func (h *hostile) checkPreamble(t *testing.T, pre string) {
	t.Helper()
	counts := map[string]int{}
	for _, reason := range h.skipped {
		counts[reason]++
	}
	for reason, n := range counts {
		if want := reason + ": " + strconv.Itoa(n); !strings.Contains(pre, want) {
			t.Errorf("the preamble lacks %q:\n%s", want, pre)
		}
	}
	// Files that could not be read as source are named, not only counted.
	for _, want := range []string{"- **Not read**: ", "`x.js` (binary)",
		"`pipe.js` (not a regular file)", "`bundle.js` (larger than 1 MiB)"} {
		if !strings.Contains(pre, want) {
			t.Errorf("the preamble lacks %q:\n%s", want, pre)
		}
	}
	if strings.Contains(pre, "`.git` (") {
		t.Error("the preamble names a routine skip (version control) as not read")
	}
}

// preamble returns the review up to its first section.
func preamble(md string) string {
	if i := strings.Index(md, "\n## "); i >= 0 {
		return md[:i]
	}
	return md
}

// short keeps a path past PATH_MAX readable in a failure message.
func short(name string) string {
	if len(name) > 60 {
		return "..." + name[len(name)-40:]
	}
	return name
}
