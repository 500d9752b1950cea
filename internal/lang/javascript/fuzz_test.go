package javascript

import (
	"testing"
	"unicode/utf8"

	"github.com/rampart-sec/rampart/internal/model"
)

// FuzzAnalyze runs parsing, lowering, every rule, the data-flow analysis and the
// application checks on arbitrary input: nothing may panic, and every finding must point
// into the file with valid UTF-8 text.
func FuzzAnalyze(f *testing.F) {
	for _, r := range Rules() {
		f.Add([]byte(r.Bad))
		f.Add([]byte(r.Good))
	}
	f.Add([]byte("const { a: { b } } = require('child_process'); b(`${x}`)"))
	f.Add([]byte("let s = ''; s += s; s += req.query.x; db.query(s)"))
	f.Add([]byte{0xff, 0xfe, '`', '$', '{', 0x00})
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, name := range []string{"f.js", "f.ts", "f.tsx"} {
			lines := 1
			for _, c := range src {
				if c == '\n' {
					lines++
				}
			}
			lang := "javascript"
			if name != "f.js" {
				lang = "typescript"
			}
			res, mod := AnalyzeFile(name, lang, mustParse(t, name, src))
			flows, err := AnalyzeFlows([]*model.Module{mod}, nil)
			if err != nil {
				t.Fatal(err)
			}
			app, positives := CheckApps(buildApp(t, []*model.Module{mod}))
			res.Findings = append(append(res.Findings, flows...), app...)
			for _, p := range positives {
				if !utf8.ValidString(p.Title) {
					t.Fatalf("%s: invalid UTF-8 in positive %q", name, p.Title)
				}
			}
			for _, fd := range res.Findings {
				if fd.Location.Line < 1 || fd.Location.Line > lines {
					t.Fatalf("%s: finding at line %d of %d", name, fd.Location.Line, lines)
				}
				if !utf8.ValidString(fd.Snippet) || !utf8.ValidString(fd.Title) {
					t.Fatalf("%s: invalid UTF-8 in finding %+v", name, fd)
				}
			}
		}
	})
}
