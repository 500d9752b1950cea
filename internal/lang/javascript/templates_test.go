package javascript

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/taint"
	"github.com/rampart-sec/rampart/internal/workspace"
)

func TestTemplateSinksFindUnescapedOutput(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"views/profile.ejs":     "<h1><%- name %></h1><p><%= bio %></p>",
		"views/users/show.hbs":  "<h1>{{{ title }}}</h1>{{ safeText }}",
		"views/page.pug":        "div!= body\np= escaped",
		"views/report.njk":      "{{ summary | safe }} {{ other }}",
		"views/escaped.ejs":     "<%= name %>",
		"node_modules/x/v.ejs":  "<%- ignored %>",
		"src/views/mail.ejs":    "<%- html %>",
		"views/not-a-view.html": "<%- nothing %>",
	}
	writeFiles(t, root, files)
	ws, err := workspace.Discover(root, workspace.Options{Others: TemplateExtensions()})
	if err != nil {
		t.Fatal(err)
	}
	sinks := TemplateSinks(ws.Others)
	got := make(map[string][]string)
	for _, s := range sinks {
		got[s.When.Pattern] = s.Keys
	}
	want := map[string][]string{
		`^/?profile(\.ejs)?$`:    {"name"},
		`^/?users/show(\.hbs)?$`: {"title"},
		`^/?page(\.pug)?$`:       {"body"},
		`^/?report(\.njk)?$`:     {"summary"},
		`^/?mail(\.ejs)?$`:       {"html"},
	}
	if len(got) != len(want) {
		t.Fatalf("sinks = %v, want %v", got, want)
	}
	for k, v := range want {
		if len(got[k]) != 1 || got[k][0] != v[0] {
			t.Errorf("%s: keys %v, want %v", k, got[k], v)
		}
	}
}

func TestRenderIntoUnescapedTemplateIsXSS(t *testing.T) {
	views := []workspace.File{{
		Rel:     "views/profile.ejs",
		Content: []byte("<h1><%- name %></h1><p><%= bio %></p>"),
	}}
	src := []byte(`const app = require('express')();
app.get('/p', (req, res) => res.render('profile', { name: req.query.name }));
app.get('/q', (req, res) => res.render('profile', { bio: req.query.bio }));
app.get('/r', (req, res) => res.render('other', { name: req.query.name }));
`)
	sinks := TemplateSinks(views)
	mod := Lower("app.js", "javascript", mustParse(t, "app.js", src))
	flows, err := AnalyzeFlows([]*model.Module{mod}, &taint.Catalog{Sinks: sinks})
	if err != nil {
		t.Fatal(err)
	}
	if len(flows) != 1 || flows[0].Location.Line != 2 || flows[0].Rule != xssRule {
		t.Errorf("flows = %+v, want one XSS at line 2", flows)
	}
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		path := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
