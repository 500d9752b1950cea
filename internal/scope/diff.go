package scope

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// maxDiffLine bounds one line of a diff read: a minified file's line can be megabytes.
const maxDiffLine = 64 << 20

// maxLineNumber bounds the numbers of a hunk header. No source file comes near it, and
// below it counting a hunk's lines cannot overflow.
const maxLineNumber = 1<<30 - 1

// ParseDiff reads a unified diff (git diff, diff -u) and returns the lines it adds or
// changes on the new side. Deleted and binary files have no lines; a renamed file is under
// its new name. prefix, when not empty, is the reviewed root's path inside the repository
// ("services/api/"): files outside it are dropped, as are absolute paths and paths that
// climb out with "..", and the prefix is cut from the others. A hunk whose lines do not
// add up to its header is an error.
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

	// A file the diff names twice, as concatenated patches do, gets hunks out of order.
	for _, f := range p.c.Files {
		slices.Sort(f.Lines)
		f.Lines = slices.Compact(f.Lines)
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
		return p.hunkLine(s)
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
	start, err1 := number(m[2], 0)
	oldLen, err2 := number(m[1], 1)
	newLen, err3 := number(m[3], 1)
	if err := errors.Join(err1, err2, err3); err != nil {
		return fmt.Errorf("hunk header: %w", err)
	}
	if start == 0 && newLen > 0 {
		return errors.New("hunk header: lines added before line 1")
	}
	p.newLine, p.oldLeft, p.newLeft = start, oldLen, newLen
	return nil
}

// number reads a number of a hunk header, or returns absent for a length left out.
func number(s string, absent int) (int, error) {
	if s == "" {
		return absent, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > maxLineNumber {
		return 0, fmt.Errorf("%.20s is past any line number", s)
	}
	return n, nil
}

// hunkLine counts a line of a hunk against the lengths its header gives. A line that
// does not fit them means a corrupt diff, whose changed lines cannot be trusted.
func (p *parser) hunkLine(s string) error {
	switch {
	case strings.HasPrefix(s, "\\"):
		return nil // "\ No newline at end of file" belongs to the line before it
	case strings.HasPrefix(s, "+"):
		if p.newLeft == 0 {
			return errors.New("more added lines than the hunk header says")
		}
		if p.cur != nil {
			p.cur.Lines = append(p.cur.Lines, p.newLine)
		}
		p.newLine++
		p.newLeft--
	case strings.HasPrefix(s, "-"):
		if p.oldLeft == 0 {
			return errors.New("more removed lines than the hunk header says")
		}
		p.oldLeft--
	default:
		if p.oldLeft == 0 || p.newLeft == 0 {
			return errors.New("more unchanged lines than the hunk header says")
		}
		p.newLine++
		p.oldLeft--
		p.newLeft--
	}
	return nil
}

// open starts a file of the new side, or returns nil for /dev/null and for files outside
// the reviewed root.
func (p *parser) open(name string) *File {
	rel, ok := p.relative(name)
	if !ok {
		return nil
	}
	f := p.c.Files[rel]
	if f == nil {
		f = &File{New: p.fromNull}
		p.c.Files[rel] = f
	}
	return f
}

// relative turns a path of the diff into one below the reviewed root, if it is there. A
// diff is input like any other: an absolute path or one that climbs out with ".." names
// nothing under the root, whatever the prefix.
func (p *parser) relative(name string) (string, bool) {
	if name == "" {
		return "", false
	}
	clean := path.Clean(name)
	if !inside(clean) || !strings.HasPrefix(clean, p.prefix) {
		return "", false
	}
	rel := strings.TrimPrefix(clean, p.prefix)
	return rel, inside(rel) && rel == path.Clean(rel)
}

// inside reports whether a clean slash path is relative and stays where it starts.
func inside(clean string) bool {
	return clean != "." && clean != ".." && !path.IsAbs(clean) &&
		!strings.HasPrefix(clean, "../")
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
