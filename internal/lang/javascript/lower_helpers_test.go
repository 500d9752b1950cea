package javascript

import (
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/model"
)

// lowerCase is a source file and the Format output its lowering must give, without the
// module header line.
type lowerCase struct {
	name string
	file string // "f.js" when empty
	src  string
	want string
}

// lowerFile parses and lowers src as the file name.
func lowerFile(t testing.TB, name, src string) *model.Module {
	t.Helper()
	lang := "javascript"
	if strings.Contains(name, ".ts") || strings.HasSuffix(name, ".mts") {
		lang = "typescript"
	}
	return Lower(name, lang, mustParse(t, name, []byte(src)))
}

// formatBody formats a module without its header line.
func formatBody(m *model.Module) string {
	s := model.Format(m)
	return s[strings.IndexByte(s, '\n')+1:]
}

func runLowerCases(t *testing.T, cases []lowerCase) {
	t.Helper()
	for _, c := range cases {
		file := c.file
		if file == "" {
			file = "f.js"
		}
		t.Run(c.name, func(t *testing.T) {
			got := formatBody(lowerFile(t, file, c.src))
			want := strings.TrimPrefix(c.want, "\n")
			if got != want {
				t.Errorf("%s\n--- got\n%s--- want\n%s", c.src, got, want)
			}
		})
	}
}
