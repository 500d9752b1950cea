package scan

import (
	"context"
	"log/slog"
	"math"
	"testing"

	"github.com/rampart-sec/rampart/internal/cache"
	"github.com/rampart-sec/rampart/internal/corpus"
	"github.com/rampart-sec/rampart/internal/lang/javascript"
)

// withPartLines sets partLines for the length of a test.
func withPartLines(t *testing.T, n int) {
	old := partLines
	partLines = n
	t.Cleanup(func() { partLines = old })
}

// TestPartsGiveTheWholeProgramsResult analyses a corpus of several applications as one
// part and as one part per connected component: the results must not differ.
func TestPartsGiveTheWholeProgramsResult(t *testing.T) {
	root := t.TempDir()
	if _, err := corpus.Generate(root, corpus.Options{Lines: 2 * corpus.MinLines,
		Seed: 3}); err != nil {
		t.Fatal(err)
	}
	scanAt := func(lines int) (*Result, int) {
		withPartLines(t, lines)
		res, err := Run(context.Background(), root, Options{AppModel: true})
		if err != nil {
			t.Fatal(err)
		}
		return res, len(partsOf(t, root))
	}

	whole, one := scanAt(math.MaxInt)
	split, many := scanAt(1)
	if one != 1 || many < 2 {
		t.Fatalf("parts: %d and %d, want 1 and several", one, many)
	}
	if digest(whole) != digest(split) {
		t.Errorf("one part:\n%s\none per component:\n%s", digest(whole), digest(split))
	}
}

// partsOf analyses root's files and partitions them as a scan does.
func partsOf(t *testing.T, root string) []part {
	t.Helper()
	ws := benchCorpus{root: root}.discover(t)
	sec, err := secretScanner()
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	var outcomes []outcome
	for i := range ws.Files {
		outcomes = append(outcomes, analyzeFile(&ws.Files[i], sec, DefaultBudget, log))
	}
	var paths []string
	for _, o := range outcomes {
		paths = append(paths, o.rel)
	}
	return partition(outcomes, javascript.NewResolver(paths), nil)
}

func TestAChangeReanalysesOnlyItsPart(t *testing.T) {
	withPartLines(t, 1)
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"a/app.js": "const express = require('express');\nconst r = require('./r');\n" +
			"const app = express();\napp.use('/a', r);\n",
		"a/r.js": "const router = require('express').Router();\n" +
			"router.get('/x', (req, res) => res.send(req.query.q));\nmodule.exports = router;\n",
		"b/app.js": "const express = require('express');\nconst app = express();\n" +
			"app.get('/y', (req, res) => res.send(req.query.q));\n",
	})
	store, _ := cache.Open(t.TempDir())
	first := cachedScan(t, root, store)
	parts := partsOf(t, root)
	if len(parts) != 2 || len(parts[0].members) != 2 {
		t.Fatalf("parts %+v, want a/ (two modules) and b/", parts)
	}
	writeTree(t, root, map[string]string{"b/app.js": "const express = require('express');\n" +
		"const app = express();\napp.get('/y', (req, res) => res.json({ q: req.query.q }));\n"})
	second := cachedScan(t, root, store)
	if digest(first) == digest(second) {
		t.Error("the change to b/app.js changed nothing")
	}
	if want := digest(cachedScan(t, root, nil)); digest(second) != want {
		t.Errorf("after the change:\n%s\nwant:\n%s", digest(second), want)
	}
}
