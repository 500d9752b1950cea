package javascript

import (
	"slices"
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var uploadLimitsRule = &rule.Rule{
	ID:            "js.upload-without-limits",
	Title:         "File upload without size or type limits",
	Vulnerability: "Unrestricted File Upload",
	CWE:           []string{"CWE-434", "CWE-770"},
	OWASP:         []string{"A04:2021", "A05:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "multer is configured without limits.fileSize or without a fileFilter; " +
		"express-fileupload without limits.fileSize; formidable without maxFileSize " +
		"(its default is 200 MB).",
	Impact: "Any client can fill the disk or memory with one large upload, or a few at " +
		"once, and take the service down; without a type filter it can also store HTML, " +
		"SVG or scripts that the application later serves to other users.",
	Fix: "Give every upload parser a file size limit that fits the feature, limit the " +
		"number of files, and accept only the types the feature needs, checked by " +
		"content as well as by MIME type.",
	FixExample: `const upload = multer({
  dest: 'uploads/',
  limits: { fileSize: 5 * 1024 * 1024, files: 1 },
  fileFilter: (req, file, cb) => cb(null, ['image/png', 'image/jpeg'].includes(file.mimetype)),
});`,
	Bad: "const multer = require('multer');\nconst upload = multer({ dest: 'uploads/' });\n" +
		"app.post('/avatar', upload.single('avatar'), (req, res) => res.sendStatus(201));\n",
	Good: "const multer = require('multer');\nconst upload = multer({\n" +
		"  dest: 'uploads/',\n  limits: { fileSize: 1048576 },\n" +
		"  fileFilter: (req, file, cb) => cb(null, file.mimetype === 'image/png'),\n});\n" +
		"app.post('/avatar', upload.single('avatar'), (req, res) => res.sendStatus(201));\n",
}

var uploadFilenameRule = &rule.Rule{
	ID:            "js.upload-client-filename",
	Title:         "Upload stored under the client's file name",
	Vulnerability: "Path Traversal: Client-Controlled File Name",
	CWE:           []string{"CWE-22", "CWE-73"},
	OWASP:         []string{"A01:2021", "A04:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "The filename callback of multer.diskStorage stores an upload under " +
		"file.originalname, the name the client sent, without path.basename or a name " +
		"the server generates.",
	Impact: "A name such as ../../app/server.js writes outside the upload folder and can " +
		"replace code or configuration; a name that already exists overwrites another " +
		"user's file, and an .html or .svg name turns the upload into stored XSS when " +
		"the folder is served.",
	Fix: "Store the file under a name the server generates and keep the original name " +
		"in the database if it must be shown; take at most its extension, checked " +
		"against an allow-list.",
	FixExample: `const storage = multer.diskStorage({
  destination: 'uploads/',
  filename: (req, file, cb) => cb(null, crypto.randomUUID() + path.extname(file.originalname)),
});`,
	Bad: "const multer = require('multer');\nconst storage = multer.diskStorage({\n" +
		"  destination: 'uploads/',\n" +
		"  filename: (req, file, cb) => cb(null, Date.now() + '-' + file.originalname),\n" +
		"});\napp.post('/files', multer({ storage }).single('file'), (req, res) => res.end());\n",
	Good: "const multer = require('multer');\nconst crypto = require('crypto');\n" +
		"const storage = multer.diskStorage({\n  destination: 'uploads/',\n" +
		"  filename: (req, file, cb) => cb(null, crypto.randomUUID()),\n});\n" +
		"app.post('/files', multer({ storage }).single('file'), (req, res) => res.end());\n",
}

var formidableCalls = []string{"formidable", "formidable.formidable",
	"formidable.IncomingForm", "formidable.Formidable"}

var _ = addAppCheck([]*rule.Rule{uploadLimitsRule, uploadFilenameRule},
	func(c *appChecks, m *appmodel.Model) {
		code := c.reached(m)
		for _, s := range code.callsTo("multer") {
			c.checkMulter(s)
		}
		for _, s := range code.callsTo("express-fileupload") {
			if !hasFileSizeLimit(s) {
				c.report(uploadLimitsRule, s.call.Pos, "express-fileupload accepts "+
					"uploads of any size")
			}
		}
		for _, s := range code.callsTo(formidableCalls...) {
			c.checkFormidable(s)
		}
		for _, s := range code.callsTo("multer.diskStorage") {
			c.checkStoredName(s)
		}
	})

// checkMulter reports a multer instance without a file size limit or a file filter.
func (c *appChecks) checkMulter(s calledAt) {
	props, ok := optionsIn(s.fn, s.call, 0)
	if !ok {
		return
	}
	sized := hasFileSizeLimit(s)
	filtered := propNamed(props, "fileFilter") != nil
	switch {
	case !sized && !filtered:
		c.report(uploadLimitsRule, s.call.Pos, "multer accepts uploads of any size and type")
	case !sized:
		c.report(uploadLimitsRule, s.call.Pos, "multer accepts uploads of any size")
	case !filtered:
		c.report(uploadLimitsRule, s.call.Pos, "multer accepts uploads of any type")
	}
}

// hasFileSizeLimit reports { limits: { fileSize } } in a call's options, and options it
// cannot read, which may hold one.
func hasFileSizeLimit(s calledAt) bool {
	props, ok := optionsIn(s.fn, s.call, 0)
	if !ok {
		return true
	}
	limits, ok := valueIn(s.fn, propNamed(props, "limits")).(*model.Object)
	if !ok {
		return propNamed(props, "limits") != nil // a limits variable out of view
	}
	return propNamed(limits.Props, "fileSize") != nil
}

// checkFormidable reports a form made without maxFileSize, unless the function sets
// form.maxFileSize afterwards (formidable 1).
func (c *appChecks) checkFormidable(s calledAt) {
	props, ok := optionsIn(s.fn, s.call, 0)
	if !ok || propNamed(props, "maxFileSize") != nil || setsMaxFileSize(s.fn) {
		return
	}
	c.report(uploadLimitsRule, s.call.Pos, "formidable accepts files up to its 200 MB "+
		"default")
}

// setsMaxFileSize reports form.maxFileSize = ... in fn.
func setsMaxFileSize(fn *model.Func) bool {
	if fn == nil {
		return false
	}
	for _, s := range fn.Body {
		if a, ok := s.(*model.Assign); ok {
			if t, ok := a.To.(*model.MemberTarget); ok && t.Prop == "maxFileSize" {
				return true
			}
		}
	}
	return false
}

// checkStoredName reports a diskStorage filename callback that hands multer a name made
// from file.originalname: cb(null, Date.now() + '-' + file.originalname).
func (c *appChecks) checkStoredName(s calledAt) {
	props, _ := optionsIn(s.fn, s.call, 0)
	fn := callbackFunc(s.fn, propNamed(props, "filename"))
	if fn == nil || len(fn.Params) < 3 {
		return
	}
	file, cb := fn.Params[1].Name, fn.Params[2].Name
	for _, f := range fn.WithNested() {
		walkBody(f, func(x model.Expr) bool {
			call, ok := x.(*model.Call)
			if !ok || len(call.Args) < 2 || lastName(call.Callee) != cb {
				return true
			}
			if usesOriginalName(f, call.Args[1], file, 0) {
				c.report(uploadFilenameRule, call.Pos, "")
			}
			return true
		})
	}
}

// nameKeepers are functions whose result still holds every character of the name they
// are given.
var nameKeepers = []string{"path.join", "path.resolve", "String", "decodeURIComponent"}

// usesOriginalName reports whether x holds the client's file name with its path
// characters: file.originalname, text around it, or a method called on it. A function
// given the name (path.basename, path.extname, sanitize) is taken to make it safe, and
// so is a replace with an allow-list pattern (/[^a-z0-9.]/g).
func usesOriginalName(fn *model.Func, x model.Expr, file string, hops int) bool {
	if hops > maxExposureHops {
		return false
	}
	switch x := valueIn(fn, x).(type) {
	case *model.Member:
		ref, ok := x.Obj.(*model.Ref)
		return ok && ref.Name == file && x.Prop == "originalname"
	case *model.Concat:
		return slices.ContainsFunc(x.Parts, func(p model.Expr) bool {
			return usesOriginalName(fn, p, file, hops+1)
		})
	case *model.Choice:
		return slices.ContainsFunc(x.Alts, func(p model.Expr) bool {
			return usesOriginalName(fn, p, file, hops+1)
		})
	case *model.Call:
		if member, ok := x.Callee.(*model.Member); ok &&
			usesOriginalName(fn, member.Obj, file, hops+1) {
			return !replacesWithAllowList(member.Prop, x)
		}
		if slices.Contains(nameKeepers, strings.TrimPrefix(nameOf(fn, x.Callee), "node:")) {
			return slices.ContainsFunc(x.Args, func(p model.Expr) bool {
				return usesOriginalName(fn, p, file, hops+1)
			})
		}
	}
	return false
}

// replacesWithAllowList reports name.replace(/[^a-z0-9.]/g, '_'), which keeps only the
// characters it lists.
func replacesWithAllowList(method string, call *model.Call) bool {
	if method != "replace" && method != "replaceAll" || len(call.Args) == 0 {
		return false
	}
	re, ok := call.Args[0].(*model.Const)
	return ok && re.Kind == model.Regexp && strings.Contains(re.Value, "[^")
}
