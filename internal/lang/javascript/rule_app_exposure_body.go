package javascript

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var bodySizeRule = &rule.Rule{
	ID:            "js.body-size-unlimited",
	Title:         "Request body limit raised above 10 MB",
	Vulnerability: "Uncontrolled Resource Consumption: Request Body Size",
	CWE:           []string{"CWE-770", "CWE-400"},
	OWASP:         []string{"A05:2021", "A04:2021"},
	Severity:      rule.Low,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A body parser (express.json, express.urlencoded, express.raw, " +
		"express.text, body-parser, koa-bodyparser, koa-body) is registered with a limit " +
		"above 10 MB. Without a limit option the parsers keep their defaults (100 KB for " +
		"Express, 1 MB for Koa), which is fine.",
	Impact: "Each request may make the server buffer and parse that much data before any " +
		"handler runs: a handful of concurrent large bodies exhausts memory and blocks " +
		"the event loop on JSON.parse, taking the service down for everyone.",
	Fix: "Keep the default limit, or raise it only on the routes that need it, to the " +
		"size they need; send large files as uploads streamed to storage instead.",
	FixExample: `app.use(express.json({ limit: '100kb' }));
app.post('/import', express.json({ limit: '5mb' }), importHandler);`,
	Bad:  "const express = require('express');\napp.use(express.json({ limit: '50mb' }));\n",
	Good: "const express = require('express');\napp.use(express.json({ limit: '1mb' }));\n",
}

// maxBodyBytes is the largest body limit the check accepts: ten times what a JSON API
// needs for big documents, a hundred times Express's default.
const maxBodyBytes = 10 << 20

// bodyParsers are the parsers whose size options the check reads.
var bodyParsers = []string{
	"express.json", "express.urlencoded", "express.raw", "express.text",
	"body-parser", "body-parser.json", "body-parser.urlencoded", "body-parser.raw",
	"body-parser.text", "koa-bodyparser", "@koa/bodyparser", "koa-body",
}

// bodyLimitOptions are the options that bound a body: body-parser's limit and the Koa
// parsers' per-type limits.
var bodyLimitOptions = []string{"limit", "jsonLimit", "formLimit", "textLimit"}

var _ = addAppCheck([]*rule.Rule{bodySizeRule}, func(c *appChecks, m *appmodel.Model) {
	for _, s := range c.reached(m).callsTo(bodyParsers...) {
		props, _ := optionsIn(s.fn, s.call, 0)
		for _, key := range bodyLimitOptions {
			v := propNamed(props, key)
			if v == nil {
				continue
			}
			if n, ok := byteSize(valueIn(s.fn, v)); ok && n > maxBodyBytes {
				c.report(bodySizeRule, v.At(), s.name+" accepts bodies "+sizeLabel(n))
			}
		}
	}
})

// sizeText is a size as the bytes package reads it: '50mb', '1.5 GB', '100kb'.
var sizeText = regexp.MustCompile(`^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb|pb)?\s*$`)

var sizeUnits = map[string]float64{
	"": 1, "b": 1, "kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30, "tb": 1 << 40, "pb": 1 << 50,
}

// byteSize reads a limit in bytes: a number, a product of numbers (50 * 1024 * 1024),
// Infinity, or a size text.
func byteSize(x model.Expr) (float64, bool) {
	switch x := x.(type) {
	case *model.Const:
		if x.Kind == model.String {
			m := sizeText.FindStringSubmatch(strings.ToLower(x.Value))
			if m == nil {
				return 0, false
			}
			n, err := strconv.ParseFloat(m[1], 64)
			return n * sizeUnits[m[2]], err == nil
		}
		return numberValue(x)
	case *model.Ref:
		return math.Inf(1), x.Name == "Infinity"
	case *model.Op:
		if x.Op != "*" || len(x.Args) != 2 {
			return 0, false
		}
		a, okA := byteSize(x.Args[0])
		b, okB := byteSize(x.Args[1])
		return a * b, okA && okB
	}
	return 0, false
}

// sizeLabel says how large a body may be: "up to 50 MB", "of any size".
func sizeLabel(n float64) string {
	unit, scale := "MB", float64(1<<20)
	switch {
	case math.IsInf(n, 1):
		return "of any size"
	case n >= 1<<30:
		unit, scale = "GB", 1<<30
	}
	rounded := math.Round(n/scale*10) / 10
	return "up to " + strconv.FormatFloat(rounded, 'f', -1, 64) + " " + unit
}

// numberValue reads a number constant: 1048576, 1e7, 0x100000, 10_000_000.
func numberValue(c *model.Const) (float64, bool) {
	if c.Kind != model.Number {
		return 0, false
	}
	text := strings.ReplaceAll(c.Value, "_", "")
	if n, err := strconv.ParseFloat(text, 64); err == nil {
		return n, true
	}
	n, err := strconv.ParseInt(text, 0, 64)
	return float64(n), err == nil
}
