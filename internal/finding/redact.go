package finding

import (
	"regexp"
	"strconv"
	"strings"
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

// placeholderWords mark a value as an example rather than a credential.
var placeholderWords = []string{
	"changeme", "change_me", "change-me", "example", "xxxx", "your-", "your_", "yourkey",
	"placeholder", "dummy", "redacted", "sample", "replace", "secret_here", "fake",
	"<", "${", "{{", "%s", "%(", "$(",
}

// envReference matches a value that names an environment variable, as in $DB_PASSWORD.
var envReference = regexp.MustCompile(`^\$[A-Za-z_][A-Za-z0-9_]*$`)

// IsPlaceholder reports whether a value found where a secret goes is an example or a
// reference to one kept elsewhere, not a secret.
func IsPlaceholder(v string) bool {
	lower := strings.ToLower(v)
	for _, w := range placeholderWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	if envReference.MatchString(v) {
		return true
	}
	return strings.Trim(lower, "*.-_0x") == "" || allSame(lower)
}

func allSame(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return len(s) > 0
}
