package javascript

import (
	"testing"

	"github.com/rampart-sec/rampart/internal/model"
)

func TestLink(t *testing.T) {
	paths := []string{
		"app.js", "src/app.js", "src/db.js", "src/db.ts", "src/repo.ts", "src/view.tsx",
		"src/lib/index.ts", "src/esm.mts", "src/data.json.js", "src/routes/users.js",
		"src/legacy.cjs", "src/comp.jsx",
	}
	cases := []struct{ from, spec, want string }{
		{"src/app.js", "./db", "src/db.js"},
		{"src/app.js", "./db.js", "src/db.js"},
		{"src/app.js", "./db.ts", "src/db.ts"},
		{"src/app.js", "./repo", "src/repo.ts"},
		{"src/app.js", "./repo.js", "src/repo.ts"},
		{"src/app.js", "./view", "src/view.tsx"},
		{"src/app.js", "./view.js", "src/view.tsx"},
		{"src/app.js", "./view.jsx", "src/view.tsx"},
		{"src/app.js", "./esm.mjs", "src/esm.mts"},
		{"src/app.js", "./legacy", "src/legacy.cjs"},
		{"src/app.js", "./comp", "src/comp.jsx"},
		{"src/app.js", "./lib", "src/lib/index.ts"},
		{"src/app.js", "./lib/", "src/lib/index.ts"},
		{"src/app.js", "./data.json", "src/data.json.js"},
		{"src/app.js", "./routes/../db", "src/db.js"},
		{"src/routes/users.js", "../db", "src/db.js"},
		{"src/routes/users.js", "../../app", "app.js"},
		{"src/routes/users.js", "..", ""},
		{"src/lib/index.ts", ".", "src/lib/index.ts"},
		{"src/lib/index.ts", "..", ""},
		{"src/routes/users.js", "/src/db", "src/db.js"},
		{"app.js", "./src/app", "src/app.js"},
		{"app.js", "../outside", ""},
		{"app.js", "./missing", ""},
		{"app.js", "express", ""},
		{"app.js", "@scope/pkg/sub", ""},
		{"app.js", "src/db", ""},
	}
	for _, c := range cases {
		mods := make([]*model.Module, len(paths))
		var from *model.Module
		for i, p := range paths {
			mods[i] = &model.Module{Path: p, Imports: map[string]model.Import{},
				Exports: map[string]model.Export{}}
			if p == c.from {
				from = mods[i]
			}
		}
		from.Imports["x"] = model.Import{Spec: c.spec, Name: "default"}
		from.Exports["y"] = model.Export{From: &model.Import{Spec: c.spec}}
		from.ReExports = []model.Import{{Spec: c.spec}}

		Link(append(mods, nil))
		got := []string{from.Imports["x"].Module, from.Exports["y"].From.Module,
			from.ReExports[0].Module}
		for _, g := range got {
			if g != c.want {
				t.Errorf("%s imports %q: resolved %q, want %q", c.from, c.spec, got, c.want)
				break
			}
		}
		if from.Imports["x"].Name != "default" || from.Imports["x"].Spec != c.spec {
			t.Errorf("Link changed the import itself: %+v", from.Imports["x"])
		}
	}
}

// TestLinkLowered links modules lowered from source, as a review does.
func TestLinkLowered(t *testing.T) {
	app := lowerFile(t, "src/app.ts", `
import { find } from './db.js';
import express from 'express';
export * from './models';
`)
	db := lowerFile(t, "src/db.ts", `export function find(id: string) {}`)
	models := lowerFile(t, "src/models/index.ts", `export { User } from '../user';`)
	user := lowerFile(t, "src/user.js", `module.exports = { User };`)
	Link([]*model.Module{app, db, models, user})

	if got := app.Imports["find"].Module; got != "src/db.ts" {
		t.Errorf("find resolved to %q", got)
	}
	if got := app.Imports["express"].Module; got != "" {
		t.Errorf("express resolved to %q", got)
	}
	if got := app.ReExports[0].Module; got != "src/models/index.ts" {
		t.Errorf("export * resolved to %q", got)
	}
	if got := models.Exports["User"].From.Module; got != "src/user.js" {
		t.Errorf("User resolved to %q", got)
	}
}
