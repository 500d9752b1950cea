package workspace

import (
	"bytes"
	"path"
)

// browserDirs hold what a server ships to browsers as it is.
var browserDirs = map[string]bool{
	"public": true, "static": true, "client": true, "frontend": true, "www": true, "assets": true,
}

// domGlobals are browser globals a server has no use for.
var domGlobals = [][]byte{
	[]byte("window."), []byte("document."), []byte("localStorage"), []byte("addEventListener"),
}

// BrowserReason tells why the JavaScript or TypeScript file at rel (slash-separated) is
// browser code, as a skip reason such as "browser code (React component)", or returns ""
// for backend code and for any other language. It scans the bytes without parsing, in an
// order where each step outranks the ones after it:
//
//  1. A file under a directory named public, static, client, frontend, www or assets is
//     browser code, whatever it imports: those directories are shipped to browsers.
//  2. A file importing a server-side module (express, koa, fastify, @nestjs/*, http, https,
//     fs, child_process, pg, mysql, mongoose, prisma, next/server, any node: module, ...)
//     is backend, so a stray "document." in a string or comment cannot hide a handler.
//  3. A file importing react, react-dom, vue, svelte, @angular/core or next/* is a UI
//     component. A bare "next" import is not: API routes import their types from it.
//  4. A .jsx or .tsx file containing JSX is a UI component.
//  5. A file using window., document., localStorage or addEventListener as globals (not
//     as fields, as in signal.addEventListener) touches the DOM.
func BrowserReason(rel string, content []byte) string {
	if !isScript(DetectLanguage(rel, content)) {
		return ""
	}
	if reason := browserDirReason(rel); reason != "" {
		return reason
	}
	return browserContentReason(rel, content)
}

// browserDirReason applies step 1 of BrowserReason.
func browserDirReason(rel string) string {
	dir := path.Dir(rel)
	for dir != "." && dir != "/" {
		if name := path.Base(dir); browserDirs[name] {
			return "browser code (under " + name + "/)"
		}
		dir = path.Dir(dir)
	}
	return ""
}

// browserContentReason applies steps 2 to 5 of BrowserReason.
func browserContentReason(rel string, content []byte) string {
	framework := ""
	for spec := range importedModules(content) {
		if isServerModule(spec) {
			return ""
		}
		if framework == "" {
			framework = uiFramework(spec)
		}
	}

	ext := path.Ext(rel)
	switch {
	case framework != "":
		return "browser code (" + framework + " component)"
	case (ext == ".jsx" || ext == ".tsx") && hasJSX(content):
		return "browser code (JSX)"
	case usesDOM(content):
		return "browser code (uses the DOM)"
	}
	return ""
}

// hasJSX looks for a self-closing or closing tag, which TypeScript generics never produce.
func hasJSX(content []byte) bool {
	if bytes.Contains(content, []byte("/>")) {
		return true
	}
	for off := 0; ; {
		i := bytes.Index(content[off:], []byte("</"))
		if i < 0 || off+i+2 >= len(content) {
			return false
		}
		off += i + 2
		if c := content[off]; c == '>' || isLetter(c) {
			return true
		}
	}
}

func usesDOM(content []byte) bool {
	for _, name := range domGlobals {
		if hasGlobal(content, name) {
			return true
		}
	}
	return false
}

// hasGlobal reports whether name occurs as a whole word with no dot before it:
// req.document.id or this.window.size belong to the program, not to the browser.
func hasGlobal(content, name []byte) bool {
	for off := 0; ; {
		i := bytes.Index(content[off:], name)
		if i < 0 {
			return false
		}
		at, end := off+i, off+i+len(name)
		before := at == 0 || !isWordByte(content[at-1]) && content[at-1] != '.'
		after := end == len(content) || name[len(name)-1] == '.' || !isWordByte(content[end])
		if before && after {
			return true
		}
		off = end
	}
}

func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isWordByte(c byte) bool {
	return isLetter(c) || '0' <= c && c <= '9' || c == '_' || c == '$'
}
