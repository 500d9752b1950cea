package javascript

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var uploadServedRule = &rule.Rule{
	ID:            "js.upload-served-statically",
	Title:         "Uploads stored in a statically served folder",
	Vulnerability: "Unrestricted Upload of File with Dangerous Type",
	CWE:           []string{"CWE-434", "CWE-552"},
	OWASP:         []string{"A04:2021", "A05:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "multer stores uploads (dest, or diskStorage's destination) inside a " +
		"folder that express.static or serve-static serves.",
	Impact: "An uploaded HTML or SVG file is served from the site's own origin: stored " +
		"cross-site scripting against every visitor, and any upload is public by URL.",
	Fix: "Store uploads outside the web root (or in object storage) and serve them " +
		"through a handler that checks access and sets Content-Disposition: attachment.",
	FixExample: `const upload = multer({ dest: path.join(__dirname, '..', 'uploads-private'),
  limits: { fileSize: 5 * 1024 * 1024 } });
app.use(express.static(path.join(__dirname, '..', 'public')));`,
	Bad: "const express = require('express');\nconst multer = require('multer');\n" +
		"const app = express();\napp.use(express.static('public'));\n" +
		"const upload = multer({ dest: 'public/uploads', limits: { fileSize: 1e6 } });\n",
	Good: "const express = require('express');\nconst multer = require('multer');\n" +
		"const app = express();\napp.use(express.static('public'));\n" +
		"const upload = multer({ dest: 'private/uploads', limits: { fileSize: 1e6 } });\n",
}

var uploadExtensionRule = &rule.Rule{
	ID:            "js.upload-extension-only-check",
	Title:         "Upload type checked by file extension only",
	Vulnerability: "Unrestricted Upload of File with Dangerous Type",
	CWE:           []string{"CWE-434", "CWE-646"},
	OWASP:         []string{"A04:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A multer fileFilter decides on the file's name (its extension) and never " +
		"looks at its type.",
	Impact: "Any content passes with an allowed extension: an HTML or script file named " +
		"avatar.png is stored and later served or processed as what it really is.",
	Fix: "Check the MIME type and the file's content (magic bytes, with a library such as " +
		"file-type) against an allow-list, and store files under generated names.",
	FixExample: `const ALLOWED = new Set(['image/png', 'image/jpeg']);
const upload = multer({
  limits: { fileSize: 5 * 1024 * 1024 },
  fileFilter: (req, file, cb) => cb(null, ALLOWED.has(file.mimetype)),
});`,
	Bad: "const multer = require('multer');\nconst upload = multer({ limits: { fileSize: 1e6 },\n" +
		"  fileFilter: (req, file, cb) => cb(null, file.originalname.endsWith('.png')) });\n",
	Good: "const multer = require('multer');\nconst upload = multer({ limits: { fileSize: 1e6 },\n" +
		"  fileFilter: (req, file, cb) => cb(null, file.mimetype === 'image/png') });\n",
}

var _ = addAppCheck([]*rule.Rule{uploadServedRule, uploadExtensionRule},
	func(c *appChecks, m *appmodel.Model) {
		code := c.reached(m)
		var served []string
		for _, s := range code.callsTo(staticServers...) {
			if len(s.call.Args) > 0 {
				if dir, ok := servedDir(s.fn, s.call.Pos.File, s.call.Args[0], 0); ok {
					served = append(served, dir)
				}
			}
		}
		for _, s := range code.callsTo("multer", "multer.diskStorage") {
			c.checkUploadDestination(s, served)
			c.checkUploadFilter(s)
		}
	})

// checkUploadDestination reports a multer dest or diskStorage destination inside a
// served folder.
func (c *appChecks) checkUploadDestination(s calledAt, served []string) {
	props, ok := optionsIn(s.fn, s.call, 0)
	if !ok {
		return
	}
	for _, key := range []string{"dest", "destination"} {
		x := propNamed(props, key)
		if x == nil {
			continue
		}
		dir, ok := servedDir(s.fn, s.call.Pos.File, x, 0)
		if !ok {
			continue
		}
		for _, root := range served {
			if under(dir, root) {
				c.report(uploadServedRule, s.call.Pos, "Uploads stored in "+dir+
					", which is served as static files")
				return
			}
		}
	}
}

// under reports whether dir is root or inside it.
func under(dir, root string) bool {
	return dir == root || root == "." || strings.HasPrefix(dir, strings.TrimSuffix(root, "/")+"/")
}

// checkUploadFilter reports a fileFilter that reads the file's name but not its type.
func (c *appChecks) checkUploadFilter(s calledAt) {
	props, ok := optionsIn(s.fn, s.call, 0)
	if !ok {
		return
	}
	filter := callbackFunc(s.fn, propNamed(props, "fileFilter"))
	if filter == nil {
		return
	}
	name, typ := false, false
	walkFuncs(filter.WithNested(), func(x model.Expr) bool {
		if m, ok := x.(*model.Member); ok {
			name = name || m.Prop == "originalname"
			typ = typ || m.Prop == "mimetype"
		}
		return true
	})
	if name && !typ {
		c.report(uploadExtensionRule, s.call.Pos, "")
	}
}
