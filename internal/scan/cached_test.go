package scan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/cache"
)

// cacheRepo has a flow across files, a suppression, a syntax error, positives and
// secrets, so that every part of an outcome goes through the cache.
var cacheRepo = map[string]string{
	"src/app.js": "const express = require('express');\nconst helmet = require('helmet');\n" +
		"const { find } = require('./repo');\nconst app = express();\napp.use(helmet());\n" +
		"app.get('/o', async (req, res) => res.json(await find(req.query.id)));\n" +
		"// rampart:ignore js.code-injection -- the admin console, behind the VPN\n" +
		"app.post('/eval', (req, res) => res.send(String(eval(req.body.code))));\n" +
		"module.exports = app;\n",
	"src/repo.js": "const { pool } = require('./db');\n" +
		"exports.find = (id) => pool.query('SELECT * FROM t WHERE id = ' + id);\n",
	"src/db.js":     "const { Pool } = require('pg');\nexports.pool = new Pool();\n",
	"src/broken.ts": "export const k = 'AKIAZ7QRSTUVWXY23456';\nfunction (( {\n",
}

// digest renders everything a report shows of a result.
func digest(res *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "scope %d files %d lines %v parse %v\n", res.Scope.Files, res.Scope.Lines,
		res.Scope.Languages, res.Scope.ParseIssues)
	for _, f := range append(res.Findings, res.Suppressed...) {
		fmt.Fprintf(&b, "%s %s %s %s %s %v %s\n", f.Location, f.Rule.ID, f.Title,
			f.Fingerprint, f.Snippet, f.Trace, f.Suppressed)
	}
	for _, p := range res.Positives {
		fmt.Fprintf(&b, "+ %s %s\n", p.Location, p.Title)
	}
	for _, r := range res.App.Routes {
		fmt.Fprintf(&b, "route %s %s\n", r.Method, r.Path)
	}
	return b.String()
}

func cachedScan(t *testing.T, root string, store *cache.Store) *Result {
	t.Helper()
	res, err := Run(context.Background(), root, Options{Cache: store, AppModel: true})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestCachedScanGivesTheSameResult(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, cacheRepo)
	store, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}

	want := digest(cachedScan(t, root, nil))
	if !strings.Contains(want, "js.sql-injection") || !strings.Contains(want, "rampart:ignore") &&
		!strings.Contains(want, "the admin console") {
		t.Fatalf("the repository lacks the findings the test needs:\n%s", want)
	}
	firstRun := cachedScan(t, root, store)
	secondRun := cachedScan(t, root, store)
	first, second := digest(firstRun), digest(secondRun)
	if firstRun.FromCache != 0 || secondRun.FromCache != len(cacheRepo) {
		t.Errorf("files from the cache: %d then %d, want 0 then %d", firstRun.FromCache,
			secondRun.FromCache, len(cacheRepo))
	}
	if first != want || second != want {
		t.Errorf("cached scans differ from an uncached one:\nuncached:\n%s\nfirst:\n%s\n"+
			"second:\n%s", want, first, second)
	}

	// Without the application model (whose modules the cache need not decode), the
	// result is the same, routes aside.
	third, err := Run(context.Background(), root, Options{Cache: store})
	if err != nil {
		t.Fatal(err)
	}
	if got := digest(third); !strings.HasPrefix(want, got) || len(third.App.Routes) != 0 {
		t.Errorf("without the application model:\n%s\nwant the start of:\n%s", got, want)
	}
}

func TestCacheFollowsAChangedFile(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, cacheRepo)
	store, _ := cache.Open(t.TempDir())
	cachedScan(t, root, store)

	// The helper now uses a parameter: the flow from the route is gone.
	safe := "const { pool } = require('./db');\n" +
		"exports.find = (id) => pool.query('SELECT * FROM t WHERE id = $1', [id]);\n"
	if err := os.WriteFile(filepath.Join(root, "src/repo.js"), []byte(safe), 0o644); err != nil {
		t.Fatal(err)
	}
	res := cachedScan(t, root, store)
	if res.FromCache != len(cacheRepo)-1 {
		t.Errorf("%d files from the cache, want all but the changed one", res.FromCache)
	}
	got := digest(res)
	if strings.Contains(got, "js.sql-injection") {
		t.Errorf("the fixed file's old analysis was used:\n%s", got)
	}
	if want := digest(cachedScan(t, root, nil)); got != want {
		t.Errorf("after a change:\n%s\nwant:\n%s", got, want)
	}
}

func TestDamagedCacheEntriesAreAnalysedAgain(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, cacheRepo)
	store, _ := cache.Open(t.TempDir())
	want := digest(cachedScan(t, root, store))

	packs, _ := filepath.Glob(filepath.Join(store.Dir(), "*.pack"))
	if len(packs) != 1 {
		t.Fatalf("packs %v, want one", packs)
	}
	data, _ := os.ReadFile(packs[0])
	for i := 100; i < len(data); i += 500 {
		data[i] ^= 0xff
	}
	if err := os.WriteFile(packs[0], data, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := digest(cachedScan(t, root, store)); got != want {
		t.Errorf("with damaged entries:\n%s\nwant:\n%s", got, want)
	}
}

func TestOutcomesWithGapsAreNotCached(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, cacheRepo)
	store, _ := cache.Open(t.TempDir())
	injectFault(t, "src/repo.js", "pattern rules and lowering")
	cachedScan(t, root, store)
	faultIn = nil

	res := cachedScan(t, root, store)
	if len(res.Scope.Incomplete) != 0 {
		t.Errorf("a gap of the faulty run came back from the cache: %+v", res.Scope.Incomplete)
	}
}
