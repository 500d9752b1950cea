package javascript

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"testing"

	"github.com/rampart-sec/rampart/internal/model"
)

// exposureFindings lowers in-memory files, builds their application model, runs the
// application checks and returns "file:line rule" for the findings of the given rules.
func exposureFindings(t *testing.T, files map[string]string, rules ...string) []string {
	t.Helper()
	var mods []*model.Module
	for _, name := range slices.Sorted(maps.Keys(files)) {
		mods = append(mods, Lower(name, "javascript", mustParse(t, name, []byte(files[name]))))
	}
	findings, _ := CheckApps(buildApp(t, mods))
	var got []string
	for _, f := range findings {
		if slices.Contains(rules, f.Rule.ID) {
			got = append(got, fmt.Sprintf("%s:%d %s", f.Location.File, f.Location.Line, f.Rule.ID))
		}
	}
	slices.Sort(got)
	return got
}

// TestErrorHandlerPositive checks that the error handlers answering with a generic
// message are noted as a good practice, and those that send details are not.
func TestErrorHandlerPositive(t *testing.T) {
	mods, _ := lowerDir(t, "testdata/app/error-details-leak")
	_, positives := CheckApps(buildApp(t, mods))
	var got []string
	for _, p := range positives {
		if p.Title == "The error handler hides internal details" {
			got = append(got, p.Location.String())
		}
	}
	if want := []string{"admin.js:17", "fastify.js:12"}; !slices.Equal(got, want) {
		t.Errorf("positives %v, want %v", got, want)
	}
}

// TestExposureOfModulesOutOfView checks middleware registered in a module that the model
// reaches through no function: its calls are named as written.
func TestExposureOfModulesOutOfView(t *testing.T) {
	src := `const express = require('express');
const bodyParser = require('body-parser');
const serveStatic = require('serve-static');
const app = express();
app.use(serveStatic('.'));
app.use(bodyParser.json({ limit: '20mb' }));
app.use(serveStatic('public'));
app.use(bodyParser.urlencoded({ limit: '2mb' }));
`
	got := exposureFindings(t, map[string]string{"server.js": src},
		"js.static-exposure", "js.body-size-unlimited")
	want := []string{"server.js:5 js.static-exposure", "server.js:6 js.body-size-unlimited"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestExposureOnKoa(t *testing.T) {
	src := `const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const serve = require('koa-static');
const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: err.message };
  }
});
app.use(bodyParser({ jsonLimit: '20mb', formLimit: '1mb' }));
app.use(serve(__dirname, { hidden: true }));
app.use(serve(__dirname + '/public'));
`
	got := exposureFindings(t, map[string]string{"server.js": src},
		"js.error-details-leak", "js.body-size-unlimited", "js.static-exposure")
	want := []string{
		"server.js:10 js.error-details-leak",
		"server.js:13 js.body-size-unlimited",
		"server.js:14 js.static-exposure",
		"server.js:14 js.static-exposure",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestByteSize(t *testing.T) {
	str := func(s string) model.Expr { return &model.Const{Kind: model.String, Value: s} }
	num := func(s string) model.Expr { return &model.Const{Kind: model.Number, Value: s} }
	cases := []struct {
		x    model.Expr
		want float64
		ok   bool
	}{
		{str("50mb"), 50 << 20, true},
		{str("1.5 GB"), 1.5 * (1 << 30), true},
		{str("100kb"), 100 << 10, true},
		{str("2048"), 2048, true},
		{str("lots"), 0, false},
		{num("1e7"), 1e7, true},
		{num("0x100000"), 1 << 20, true},
		{num("10_000_000"), 1e7, true},
		{&model.Op{Op: "*", Args: []model.Expr{num("50"), &model.Op{Op: "*",
			Args: []model.Expr{num("1024"), num("1024")}}}}, 50 << 20, true},
		{&model.Ref{Name: "Infinity"}, math.Inf(1), true},
		{&model.Ref{Name: "LIMIT"}, 0, false},
	}
	for i, c := range cases {
		got, ok := byteSize(c.x)
		if ok != c.ok || ok && got != c.want {
			t.Errorf("case %d: byteSize = %v, %v; want %v, %v", i, got, ok, c.want, c.ok)
		}
	}
}

// TestServeIndexSeverity checks that a directory listing is reported at medium, below
// the high of a static root that serves the project.
func TestServeIndexSeverity(t *testing.T) {
	src := `const express = require('express');
const serveIndex = require('serve-index');
const app = express();
app.use('/logs', serveIndex('logs'), express.static('.'));
app.get('/', (req, res) => res.send('ok'));
`
	mods := []*model.Module{Lower("server.js", "javascript", mustParse(t, "s.js", []byte(src)))}
	findings, _ := CheckApps(buildApp(t, mods))
	var got []string
	for _, f := range findings {
		if f.Rule == staticExposureRule {
			got = append(got, fmt.Sprintf("%d:%d %s", f.Location.Line, f.Location.Column,
				f.Severity))
		}
	}
	slices.Sort(got)
	if want := []string{"4:18 medium", "4:38 high"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
