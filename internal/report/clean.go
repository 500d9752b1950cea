package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxCode bounds the code quoted on one line, so that a minified file cannot turn one
// finding into a screenful.
const maxCode = 120

// valid replaces invalid UTF-8 with U+FFFD. Reviewed files are hostile input and every
// format rampart writes promises valid UTF-8.
func valid(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// clean makes s safe to put in front of a person: besides repairing UTF-8, it spells out
// control and bidirectional formatting characters as escapes, because reviewed code can
// carry them to rewrite a terminal line or reorder what a reader sees (Trojan Source).
// Newlines and tabs survive so that multi-line code keeps its shape.
func clean(s string) string {
	s = valid(s)
	if !strings.ContainsFunc(s, hidden) {
		return s
	}

	var b strings.Builder
	for _, r := range s {
		switch {
		case !hidden(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func hidden(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) ||
		r == '\u2028' || r == '\u2029'
}

// oneLine cleans s and collapses every run of white space, newlines included, to one
// space, for text that must stay on a single line of a report.
func oneLine(s string) string {
	return clean(strings.Join(strings.Fields(valid(s)), " "))
}

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}

	runes := []rune(s)[:n-1]
	return strings.TrimRight(string(runes), " ") + "…"
}

// code returns a snippet as one bounded line.
func code(s string) string { return shorten(oneLine(s), maxCode) }
