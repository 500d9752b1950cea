package javascript

import (
	"path"
	"strings"

	"github.com/rampart-sec/rampart/internal/model"
)

// extensions are tried, in order, after a relative spec that names no module exactly, as
// Node and the TypeScript compiler complete `./db` to `./db.js` or `./db.ts`.
var extensions = []string{".js", ".ts", ".tsx", ".jsx", ".mjs", ".cjs", ".mts", ".cts"}

// tsSources maps the extension of an emitted JavaScript file to the TypeScript sources it
// is compiled from: TypeScript's ES module style imports `./db.js` to mean `./db.ts`.
var tsSources = map[string][]string{
	".js": {".ts", ".tsx"}, ".jsx": {".tsx"}, ".mjs": {".mts"}, ".cjs": {".cts"},
}

// Link resolves every Import.Spec of every module (and ReExports, Export.From) to the
// reviewed file it names, filling Import.Module, given all modules of the project.
// Relative specs ("./x", "../x") resolve against the importing file's directory, and
// "/x" against the reviewed root; packages, and files outside the project, keep Module
// "". The file system is never read: the modules are the project.
func Link(mods []*model.Module) {
	var paths []string
	for _, m := range mods {
		if m != nil {
			paths = append(paths, m.Path)
		}
	}
	NewResolver(paths).Link(mods)
}

// Resolver finds the reviewed file an import names, among the files of a project.
type Resolver struct {
	paths map[string]string
}

// NewResolver returns a resolver over the project's files, by path relative to the root.
func NewResolver(paths []string) *Resolver {
	r := &Resolver{paths: make(map[string]string, len(paths))}
	for _, p := range paths {
		r.paths[path.Clean(p)] = p
	}
	return r
}

// Resolve returns the file that spec, written in the file at from, names, or "".
func (r *Resolver) Resolve(from, spec string) string {
	return resolve(r.paths, path.Dir(path.Clean(from)), spec)
}

// Link fills Import.Module in mods, as the package's Link does, resolving against the
// resolver's files; mods may be a part of them.
func (r *Resolver) Link(mods []*model.Module) {
	for _, m := range mods {
		if m == nil {
			continue
		}
		for name, imp := range m.Imports {
			imp.Module = r.Resolve(m.Path, imp.Spec)
			m.Imports[name] = imp
		}
		for i := range m.ReExports {
			m.ReExports[i].Module = r.Resolve(m.Path, m.ReExports[i].Spec)
		}
		for _, e := range m.Exports {
			if e.From != nil {
				e.From.Module = r.Resolve(m.Path, e.From.Spec)
			}
		}
	}
}

// resolve returns the module a spec written in dir names, or "".
func resolve(paths map[string]string, dir, spec string) string {
	var p string
	switch {
	case spec == "." || spec == ".." || strings.HasPrefix(spec, "./") ||
		strings.HasPrefix(spec, "../"):
		p = path.Join(dir, spec)
	case strings.HasPrefix(spec, "/"):
		p = path.Clean(strings.TrimLeft(spec, "/"))
	default:
		return ""
	}
	if p == ".." || strings.HasPrefix(p, "../") {
		return ""
	}

	for _, c := range candidates(p) {
		if m, ok := paths[c]; ok {
			return m
		}
	}
	return ""
}

// candidates lists the files a resolved spec may name, in the order they are tried: the
// path itself, its TypeScript source, the path with each extension, then its index file.
func candidates(p string) []string {
	out := []string{p}
	if ext := path.Ext(p); tsSources[ext] != nil {
		for _, ts := range tsSources[ext] {
			out = append(out, strings.TrimSuffix(p, ext)+ts)
		}
	}
	for _, ext := range extensions {
		out = append(out, p+ext)
	}
	for _, ext := range extensions {
		out = append(out, path.Join(p, "index"+ext))
	}
	return out
}
