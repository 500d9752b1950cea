package javascript

import (
	"testing"

	"github.com/rampart-sec/rampart/internal/syntax"
)

func mustParse(t testing.TB, name string, src []byte) *syntax.File {
	t.Helper()
	lang := "javascript"
	if n := len(name); n > 3 && (name[n-3:] == ".ts" || name[n-4:] == ".tsx") {
		lang = "typescript"
	}
	f, err := GrammarFor(name, lang).Parse(src)
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return f
}
