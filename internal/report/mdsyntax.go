package report

import (
	"strings"
	"unicode"
)

// codeSpan returns s as a CommonMark code span. The backtick string is one longer than the
// longest run inside, so no run can close the span early. Content with a backtick is
// padded with a space on each side, which CommonMark strips again, so that a backtick at
// either end is not read as part of the delimiter.
func codeSpan(s string) string {
	ticks := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.Contains(s, "`") || (strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ")) {
		s = " " + s + " "
	}
	return ticks + s + ticks
}

// fence returns the backtick fence for a code block holding s: at least three backticks,
// and longer than any run in s, which would otherwise end the block.
func fence(s string) string {
	return strings.Repeat("`", max(3, longestRun(s, '`')+1))
}

func longestRun(s string, c rune) int {
	longest, run := 0, 0
	for _, r := range s {
		if r != c {
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	return longest
}

// escapeText backslash-escapes the characters that would make plain text render as
// something else: emphasis, links, code, raw HTML (a "<!--" would hide the rest of the
// review), and block markers at the start of a line. Titles can quote routes and names
// taken from the reviewed code, so they get this treatment; prose written by rule authors
// does not, because it may use Markdown on purpose.
func escapeText(s string) string {
	runes := []rune(s)
	var b strings.Builder
	for i, r := range runes {
		if needsEscape(runes, i) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func needsEscape(runes []rune, i int) bool {
	switch r := runes[i]; r {
	case '\\', '`', '*', '[', ']', '<':
		return true
	case '_':
		// An underscore inside a word cannot start emphasis; leave snake_case readable.
		return !(i > 0 && i+1 < len(runes) && wordRune(runes[i-1]) && wordRune(runes[i+1]))
	case '#':
		// Only a leading # makes a heading, and only a trailing one can close it.
		return i == 0 || i == len(runes)-1
	case '>', '+', '-':
		return i == 0
	case '.', ')':
		return orderedMarker(runes[:i])
	}
	return false
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// orderedMarker reports whether the digits before a '.' or ')' at the start of the text
// would make it an ordered list item, as in "1986. A great year".
func orderedMarker(prefix []rune) bool {
	if len(prefix) == 0 || len(prefix) > 9 {
		return false
	}
	for _, r := range prefix {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
