package javascript

import (
	"strings"
	"unicode"
)

// words splits an identifier into lower-case words: "resetToken" and "RESET_TOKEN" both
// give ["reset", "token"].
func words(name string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, strings.ToLower(cur.String()))
			cur.Reset()
		}
	}
	runes := []rune(name)
	for i, r := range runes {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(runes[i-1]) ||
			i+1 < len(runes) && unicode.IsLower(runes[i+1]) && unicode.IsUpper(runes[i-1])):
			flush()
		}
		cur.WriteRune(r)
	}
	flush()
	return out
}

// hasWord reports whether any word of name is in set, or two adjacent words joined are
// ("api" "key" gives "apikey").
func hasWord(name string, set map[string]bool) bool {
	ws := words(name)
	for i, w := range ws {
		if set[w] || i > 0 && set[ws[i-1]+w] {
			return true
		}
	}
	return false
}
