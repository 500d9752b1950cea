package scope

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// maxDiffLine bounds one line of a diff read: a minified file's line can be megabytes.
const maxDiffLine = 64 << 20

// ParseDiff reads a unified diff (git diff, diff -u) and returns the lines it adds or
// changes on the new side. Deleted and binary files have no lines; a renamed file is under
// its new name. prefix, when not empty, is the reviewed root's path inside the repository
// ("services/api/"): files outside it are dropped and the prefix is cut from the others.
func ParseDiff(r io.Reader, prefix string) (*Changes, error) {
	p := &parser{c: &Changes{Files: make(map[string]*File), Commits: -1}, prefix: prefix}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxDiffLine)
	for n := 1; sc.Scan(); n++ {
		if err := p.line(sc.Text()); err != nil {
			return nil, fmt.Errorf("diff line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read diff: %w", err)
	}
	return p.c, nil
}

// parser holds the state of reading one diff.
type parser struct {
	c        *Changes
	prefix   string
	cur      *File
	fromNull bool
	// newLine is the next line number of the new side; oldLeft and newLeft count the
	// lines left in the current hunk, so that content lines such as "--- x" are never
	// read as headers.
	newLine, oldLeft, newLeft int
}

var hunkHeader = regexp.MustCompile(`^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@`)

func (p *parser) line(s string) error {
	if p.oldLeft > 0 || p.newLeft > 0 {
		p.hunkLine(s)
		return nil
	}
	switch {
	case strings.HasPrefix(s, "diff "):
		p.cur, p.fromNull = nil, false
	case strings.HasPrefix(s, "--- "):
		p.fromNull = strings.HasPrefix(s[4:], "/dev/null")
	case strings.HasPrefix(s, "+++ "):
		p.cur = p.open(newPath(s[4:]))
	case strings.HasPrefix(s, "@@"):
		return p.hunk(s)
	}
	return nil
}

// hunk starts a hunk: @@ -a,b +c,d @@.
func (p *parser) hunk(s string) error {
	m := hunkHeader.FindStringSubmatch(s)
	if m == nil {
		return errors.New("malformed hunk header")
	}
	p.newLine, _ = strconv.Atoi(m[2])
	p.oldLeft, p.newLeft = count(m[1]), count(m[3])
	return nil
}

// count reads a hunk length, which is 1 when left out.
func count(s string) int {
	if s == "" {
		return 1
	}
	n, _ := strconv.Atoi(s)
	return n
}

func (p *parser) hunkLine(s string) {
	switch {
	case strings.HasPrefix(s, "+"):
		if p.cur != nil {
			p.cur.Lines = append(p.cur.Lines, p.newLine)
		}
		p.newLine++
		p.newLeft--
	case strings.HasPrefix(s, "-"):
		p.oldLeft--
	case strings.HasPrefix(s, "\\"):
		// "\ No newline at end of file" belongs to the line before it.
	default:
		p.newLine++
		p.oldLeft--
		p.newLeft--
	}
}

// open starts a file of the new side, or returns nil for /dev/null and files outside the
// reviewed root.
func (p *parser) open(path string) *File {
	if path == "" || !strings.HasPrefix(path, p.prefix) {
		return nil
	}
	path = strings.TrimPrefix(path, p.prefix)
	f := p.c.Files[path]
	if f == nil {
		f = &File{New: p.fromNull}
		p.c.Files[path] = f
	}
	return f
}

// newPath reads the path of a +++ line: "b/src/a.js", a quoted path with escapes, or a
// diff -u path followed by a tab and a time. It returns "" for /dev/null.
func newPath(s string) string {
	if i := strings.IndexByte(s, '\t'); i >= 0 {
		s = s[:i]
	}
	if strings.HasPrefix(s, `"`) {
		if u, err := strconv.Unquote(s); err == nil {
			s = u
		}
	}
	if s == "/dev/null" {
		return ""
	}
	if strings.HasPrefix(s, "b/") {
		return s[2:]
	}
	return s
}
