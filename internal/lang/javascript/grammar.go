// Package javascript is rampart's frontend for JavaScript and TypeScript: it picks the
// grammar for a file and runs the JS/TS rules over the parsed tree in a single walk.
package javascript

import (
	"path"
	"strings"

	"github.com/rampart-sec/rampart/internal/syntax"
	tsjs "github.com/tree-sitter/tree-sitter-javascript/bindings/go"
	tsts "github.com/tree-sitter/tree-sitter-typescript/bindings/go"
)

var (
	jsGrammar  = syntax.NewGrammar("javascript", tsjs.Language())
	tsGrammar  = syntax.NewGrammar("typescript", tsts.LanguageTypescript())
	tsxGrammar = syntax.NewGrammar("tsx", tsts.LanguageTSX())
)

// GrammarFor returns the grammar for a file of the given language ("javascript" or
// "typescript"). The JavaScript grammar also reads JSX, while TypeScript needs its TSX
// variant for .tsx files; an extensionless TypeScript script is read as plain TypeScript.
func GrammarFor(rel, language string) *syntax.Grammar {
	if language != "typescript" {
		return jsGrammar
	}
	if strings.EqualFold(path.Ext(rel), ".tsx") {
		return tsxGrammar
	}
	return tsGrammar
}
