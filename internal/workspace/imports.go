package workspace

import (
	"bytes"
	"iter"
	"strings"
)

// importKeywords precede a module name in require("m"), import("m"), import "m" and
// import x from "m" (or export ... from "m").
var importKeywords = [][]byte{[]byte("require"), []byte("import"), []byte("from")}

// serverModules are packages only a server loads. Subpaths count too: fs/promises is fs.
var serverModules = map[string]bool{
	"express": true, "koa": true, "fastify": true, "@hapi/hapi": true,
	"http": true, "https": true, "http2": true, "net": true,
	"fs": true, "child_process": true,
	"pg": true, "mysql": true, "mysql2": true, "mongodb": true, "mongoose": true,
	"sequelize": true, "typeorm": true, "knex": true, "prisma": true, "@prisma/client": true,
}

// uiFrameworks name the component kind of each UI package.
var uiFrameworks = map[string]string{
	"react": "React", "react-dom": "React", "vue": "Vue", "svelte": "Svelte",
	"@angular/core": "Angular",
}

// importedModules yields the module names a JavaScript or TypeScript file loads. It is a
// byte scan, so a quoted name after "from" in a comment counts too; that errs towards
// treating a file as backend, which keeps it in the review.
func importedModules(content []byte) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, kw := range importKeywords {
			for off := 0; ; {
				i := bytes.Index(content[off:], kw)
				if i < 0 {
					break
				}
				at := off + i
				off = at + len(kw)
				if at > 0 && (isWordByte(content[at-1]) || content[at-1] == '.') {
					continue
				}
				if spec, ok := quotedName(content[off:]); ok && !yield(spec) {
					return
				}
			}
		}
	}
}

// quotedName reads the string literal that opens src, after blanks and one parenthesis.
func quotedName(src []byte) (string, bool) {
	src = bytes.TrimLeft(src, " \t\r\n")
	if len(src) > 0 && src[0] == '(' {
		src = bytes.TrimLeft(src[1:], " \t\r\n")
	}
	if len(src) == 0 || (src[0] != '"' && src[0] != '\'' && src[0] != '`') {
		return "", false
	}

	end := bytes.IndexAny(src[1:], "\"'`\n")
	if end <= 0 || src[1+end] != src[0] {
		return "", false
	}
	return string(src[1 : 1+end]), true
}

// isServerModule reports whether importing spec makes a file backend code. next/server and
// next/headers are imported only by Next.js route handlers and middleware, which run on
// the server.
func isServerModule(spec string) bool {
	switch {
	case strings.HasPrefix(spec, "node:"), strings.HasPrefix(spec, "@nestjs/"):
		return true
	case spec == "next/server", spec == "next/headers":
		return true
	}
	return serverModules[packageName(spec)]
}

// uiFramework returns the framework spec belongs to, or "".
func uiFramework(spec string) string {
	if strings.HasPrefix(spec, "next/") {
		return "Next.js"
	}
	return uiFrameworks[packageName(spec)]
}

// packageName strips a subpath: "fs/promises" is "fs", "@prisma/client/edge" is
// "@prisma/client".
func packageName(spec string) string {
	first, rest, _ := strings.Cut(spec, "/")
	if !strings.HasPrefix(first, "@") || rest == "" {
		return first
	}
	second, _, _ := strings.Cut(rest, "/")
	return first + "/" + second
}
