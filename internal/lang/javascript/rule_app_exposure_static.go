package javascript

import (
	"path"
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var staticExposureRule = &rule.Rule{
	ID:            "js.static-exposure",
	Title:         "Static file server exposes the project",
	Vulnerability: "Exposure of Files Through a Static File Server",
	CWE:           []string{"CWE-552", "CWE-538", "CWE-548"},
	OWASP:         []string{"A05:2021", "A01:2021"},
	Severity:      rule.High,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "express.static, serve-static or koa-static serves the project root or a " +
		"directory above it ('.', './', '..', process.cwd(), __dirname of a file at the " +
		"root) or the directory of the server's own source, or serves dotfiles " +
		"(dotfiles: 'allow', koa-static's hidden: true); or serve-index lists the " +
		"files of a directory.",
	Impact: "Anyone can download what sits beside the public files: .env and its secrets, " +
		"the server's source, package.json, .git/ with the project's history, database " +
		"files and keys. A directory listing shows an attacker every file there is to take.",
	Fix: "Serve a directory that holds only public assets, such as path.join(__dirname, " +
		"'public'), keep the default dotfiles: 'ignore', and drop serve-index or put it " +
		"behind authentication.",
	FixExample: `app.use('/static', express.static(path.join(__dirname, 'public'), {
  dotfiles: 'ignore',
  index: false,
}));`,
	Bad: "const express = require('express');\napp.use(express.static(__dirname));\n",
	Good: "const express = require('express');\nconst path = require('path');\n" +
		"app.use(express.static(path.join(__dirname, 'public')));\n",
}

// staticServers are the middleware that serve a directory given as their first argument.
var staticServers = []string{"express.static", "serve-static", "koa-static"}

var _ = addAppCheck([]*rule.Rule{staticExposureRule}, func(c *appChecks, m *appmodel.Model) {
	code := c.reached(m)
	for _, s := range code.callsTo(staticServers...) {
		c.checkStaticRoot(s)
		c.checkDotfiles(s)
	}
	for _, s := range code.callsTo("serve-index") {
		fd := c.report(staticExposureRule, s.call.Pos, "Directory listing enabled with "+
			"serve-index")
		fd.Severity = rule.Medium
		fd.Impact = "Every file of the directory is listed to anyone who asks: backups, " +
			"uploads of other users and files nobody meant to publish are one click away."
	}
})

// checkStaticRoot reports a static server whose root is the project, above it, or the
// directory of the server's own code.
func (c *appChecks) checkStaticRoot(s calledAt) {
	if len(s.call.Args) == 0 {
		return
	}
	file := s.call.Pos.File
	dir, ok := servedDir(s.fn, file, s.call.Args[0], 0)
	if !ok {
		return
	}
	if what := exposedDir(dir, file); what != "" {
		c.report(staticExposureRule, s.call.Pos, s.name+" serves "+what)
	}
}

// checkDotfiles reports dotfiles: 'allow', and koa-static's hidden: true.
func (c *appChecks) checkDotfiles(s calledAt) {
	props, _ := optionsIn(s.fn, s.call, 1)
	if v, ok := stringValue(propNamed(props, "dotfiles")); ok && v == "allow" {
		c.report(staticExposureRule, propNamed(props, "dotfiles").At(),
			s.name+" serves dotfiles such as .env and .git")
	}
	if k, ok := propNamed(props, "hidden").(*model.Const); ok && k.Value == "true" {
		c.report(staticExposureRule, k.Pos, s.name+" serves hidden files such as .env and .git")
	}
}

// exposedDir says what serving dir exposes, or "" for a directory of its own. dir is
// relative to the project root, or absolute.
func exposedDir(dir, file string) string {
	switch {
	case dir == "/":
		return "the whole file system"
	case dir == ".":
		return "the project root"
	case dir == ".." || strings.HasPrefix(dir, "../"):
		return "a directory above the project"
	case dir == path.Dir(file):
		return "the directory of its own source"
	}
	return ""
}

// servedDir works out the directory an expression names, as a clean path relative to
// the project root (the working directory a server is started in) or an absolute path:
// string constants, __dirname, process.cwd(), path.join, path.resolve and
// concatenations of them. ok is false for anything else.
func servedDir(fn *model.Func, file string, x model.Expr, hops int) (string, bool) {
	if hops > maxExposureHops {
		return "", false
	}
	switch x := valueIn(fn, x).(type) {
	case *model.Const:
		if x.Kind == model.String {
			return path.Clean(x.Value), true
		}
	case *model.Ref:
		if x.Name == "__dirname" {
			return path.Dir(file), true
		}
	case *model.Concat:
		parts := x.Parts
		for len(parts) > 0 && isEmptyText(parts[0]) {
			parts = parts[1:] // a template literal may start with ""
		}
		if len(parts) == 0 {
			return "", false
		}
		dir, ok := servedDir(fn, file, parts[0], hops+1)
		rest, restOK := joinedText(fn, parts[1:])
		return path.Clean(dir + rest), ok && restOK
	case *model.Call:
		return joinedDir(fn, file, x, hops)
	}
	return "", false
}

// joinedDir works out process.cwd(), path.join(...) and path.resolve(...).
func joinedDir(fn *model.Func, file string, call *model.Call, hops int) (string, bool) {
	name := strings.TrimPrefix(nameOf(fn, call.Callee), "node:")
	switch {
	case name == "process.cwd":
		return ".", true
	case name != "path.join" && name != "path.resolve" || len(call.Args) == 0:
		return "", false
	}
	dir, ok := servedDir(fn, file, call.Args[0], hops+1)
	for _, arg := range call.Args[1:] {
		part, isText := stringValue(valueIn(fn, arg))
		if !ok || !isText {
			return "", false
		}
		if name == "path.resolve" && path.IsAbs(part) {
			dir = part
			continue
		}
		dir = path.Join(dir, part)
	}
	return dir, ok
}

func isEmptyText(x model.Expr) bool {
	s, ok := stringValue(x)
	return ok && s == ""
}

// joinedText joins the string constants xs hold.
func joinedText(fn *model.Func, xs []model.Expr) (string, bool) {
	var b strings.Builder
	for _, x := range xs {
		s, ok := stringValue(valueIn(fn, x))
		if !ok {
			return "", false
		}
		b.WriteString(s)
	}
	return b.String(), true
}
