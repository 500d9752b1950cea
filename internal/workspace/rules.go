package workspace

import (
	"path"
	"strings"
)

const (
	reasonTest     = "test code"
	reasonMinified = "minified"
)

// builtinDirs are never backend source, whatever a .gitignore says: a review of a fresh
// clone and of a built working copy must agree.
var builtinDirs = map[string]string{
	"node_modules": "dependency directory", "bower_components": "dependency directory",
	"jspm_packages": "dependency directory", "vendor": "dependency directory",
	".venv": "dependency directory",

	"dist": "build output", "build": "build output", "out": "build output",
	".next": "build output", ".nuxt": "build output", ".output": "build output",
	".serverless": "build output",

	"coverage": "coverage report", ".nyc_output": "coverage report",
	".git": "version control", ".hg": "version control", ".svn": "version control",
	".cache": "cache directory", ".turbo": "cache directory", "__pycache__": "cache directory",
}

// testDirs hold test code by convention in every supported ecosystem.
var testDirs = map[string]bool{
	"test": true, "tests": true, "__tests__": true, "__mocks__": true,
	"spec": true, "e2e": true, "cypress": true, "fixtures": true,
}

// reasonBeforeRead applies the rules that need only the path, language and Lstat size, so
// that a skipped file is never opened.
func (w *walker) reasonBeforeRead(rel, lang string, size int64) string {
	name := path.Base(rel)
	switch {
	case w.langs != nil && !w.langs[lang]:
		return lang + " is not supported yet"
	case isDeclaration(name):
		return "type declarations"
	case isMinifiedName(name):
		return reasonMinified
	case w.forced(rel):
	case !w.opt.IncludeTests && isTestName(name):
		return reasonTest
	case !w.opt.IncludeFrontend && isScript(lang):
		if reason := browserDirReason(rel); reason != "" {
			return reason
		}
	}
	if size > w.limit {
		return "larger than " + formatSize(w.limit)
	}
	return ""
}

// reasonAfterRead applies the rules that look at the content.
func (w *walker) reasonAfterRead(rel, lang string, content []byte) string {
	switch {
	case int64(len(content)) > w.limit: // grown since Lstat
		return "larger than " + formatSize(w.limit)
	case isBinary(content):
		return "binary"
	case isGenerated(content):
		return "generated"
	case isScript(lang) && isMinified(content):
		return reasonMinified
	case !w.opt.IncludeFrontend && isScript(lang) && !w.forced(rel):
		return browserContentReason(rel, content)
	}
	return ""
}

// forced reports a file the configuration includes whatever the built-in rules say.
func (w *walker) forced(rel string) bool {
	return matches(w.include, strings.Split(rel, "/"), false)
}

// isScript reports whether lang may be browser code; a Go or PHP file under client/ or
// www/ is still server code.
func isScript(lang string) bool {
	return lang == JavaScript || lang == TypeScript
}

func isDeclaration(name string) bool {
	return strings.HasSuffix(name, ".d.ts") || strings.HasSuffix(name, ".d.mts") ||
		strings.HasSuffix(name, ".d.cts")
}

// isMinifiedName matches x.min.js, x.bundle.js and the like for any extension.
func isMinifiedName(name string) bool {
	stem := strings.TrimSuffix(name, path.Ext(name))
	return strings.HasSuffix(stem, ".min") || strings.HasSuffix(stem, ".bundle")
}

// IsTestPath reports whether a slash path is test code by the conventions discovery
// applies: a test file name, or a directory such as test, __tests__ or fixtures.
func IsTestPath(rel string) bool {
	parts := strings.Split(rel, "/")
	for _, dir := range parts[:len(parts)-1] {
		if testDirs[dir] {
			return true
		}
	}
	return isTestName(parts[len(parts)-1])
}

// Patterns returns a matcher of slash paths for .gitignore-style patterns, as the
// configuration gives them; it matches nothing when there are none.
func Patterns(patterns []string) func(rel string) bool {
	m := matcher(patterns)
	return func(rel string) bool {
		parts := strings.Split(rel, "/")
		for i := 1; i < len(parts); i++ {
			if matches(m, parts[:i], true) {
				return true
			}
		}
		return matches(m, parts, false)
	}
}

// isTestName matches the test file conventions of JavaScript, TypeScript, Go and Python;
// the other languages keep tests in the directories of testDirs.
func isTestName(name string) bool {
	switch {
	case strings.Contains(name, ".test."), strings.Contains(name, ".spec."):
		return true
	case strings.HasSuffix(name, "_test.go"), strings.HasSuffix(name, "_test.py"):
		return true
	}
	return strings.HasPrefix(name, "test_") && strings.HasSuffix(name, ".py")
}
