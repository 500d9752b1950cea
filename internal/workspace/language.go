package workspace

import (
	"bytes"
	"path"
	"strings"
)

// Language names, as used by Options.Languages and File.Language.
const (
	JavaScript = "javascript"
	TypeScript = "typescript"
	Python     = "python"
	Go         = "go"
	Java       = "java"
	Ruby       = "ruby"
	PHP        = "php"
	CSharp     = "csharp"
)

var extLanguages = map[string]string{
	".js": JavaScript, ".mjs": JavaScript, ".cjs": JavaScript, ".jsx": JavaScript,
	".ts": TypeScript, ".mts": TypeScript, ".cts": TypeScript, ".tsx": TypeScript,
	".py": Python, ".go": Go, ".java": Java, ".rb": Ruby, ".php": PHP, ".cs": CSharp,
}

// interpreters maps the program a shebang runs, version suffix removed, to its language.
// Deno and Bun run TypeScript too, but a script without an extension is JavaScript to them.
var interpreters = map[string]string{
	"node": JavaScript, "nodejs": JavaScript, "deno": JavaScript, "bun": JavaScript,
	"ts-node": TypeScript, "tsx": TypeScript,
	"python": Python, "ruby": Ruby, "php": PHP,
}

// DetectLanguage returns the language of the file at rel (slash-separated), or "" when it
// is not source rampart knows. The extension decides; a file without one is source only
// when head starts with a shebang naming a known interpreter. Declaration files such as
// x.d.ts are TypeScript here: Discover passes them over by name, as "type declarations".
func DetectLanguage(rel string, head []byte) string {
	ext := path.Ext(path.Base(rel))
	if ext != "" {
		return extLanguages[strings.ToLower(ext)]
	}
	return shebangLanguage(head)
}

// shebangLanguage reads "#!/usr/bin/node", "#!/usr/bin/env python3" and
// "#!/usr/bin/env -S deno run" alike: after env, flags and VAR=value settings are passed.
func shebangLanguage(head []byte) string {
	line, ok := bytes.CutPrefix(head, []byte("#!"))
	if !ok {
		return ""
	}
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}

	fields := strings.Fields(string(line))
	if len(fields) == 0 {
		return ""
	}
	prog := path.Base(fields[0])
	if prog != "env" {
		return interpreterLanguage(prog)
	}
	for _, f := range fields[1:] {
		if !strings.HasPrefix(f, "-") && !strings.Contains(f, "=") {
			return interpreterLanguage(path.Base(f))
		}
	}
	return ""
}

// interpreterLanguage accepts versioned names such as python3.12 or ruby2.7.
func interpreterLanguage(prog string) string {
	return interpreters[strings.TrimRight(prog, "0123456789.")]
}
