package finding

import (
	"strconv"
	"unicode/utf8"
)

// Redact is the form in which every secret rampart shows appears: at most a quarter of
// it, never more than three characters, then its length: "sk_…" (32 characters).
func Redact(s string) string {
	n := utf8.RuneCountInString(s)
	shown := min(3, n/4)
	return strconv.Quote(string([]rune(s)[:shown])+"…") + " (" + strconv.Itoa(n) +
		" characters)"
}
