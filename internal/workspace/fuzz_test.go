package workspace

import "testing"

func FuzzDetect(f *testing.F) {
	f.Add("src/app.js", []byte(backendJS))
	f.Add("bin/tool", []byte("#!/usr/bin/env -S deno run\n"))
	f.Add("src/A.tsx", []byte("import x from 'react'\n<a></a>"))
	f.Add("x.ts", []byte("require(`node:fs`) import(\"vue\") from '"))
	f.Add("client/document.js", []byte("document.\n</"))
	f.Add("g.go", []byte("/*\n * @generated\x00"))
	f.Fuzz(func(t *testing.T, rel string, content []byte) {
		lang := DetectLanguage(rel, content)
		reason := BrowserReason(rel, content)
		if reason != "" && !isScript(lang) {
			t.Errorf("BrowserReason(%q) = %q for language %q", rel, reason, lang)
		}
		isGenerated(content)
		isMinified(content)
		isBinary(content)
	})
}
