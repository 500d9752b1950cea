package scan

import (
	"context"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/report"
)

// budgetRepo holds one file of each kind a stage guards: an injectable route, a route
// with a committed credential, and a configuration file.
var budgetRepo = map[string]string{
	"src/orders.js": "const express = require('express');\n" +
		"const app = express();\n" +
		"app.get('/o', (req, res) => { eval(req.query.code); res.end(); });\n",
	"src/keys.js": "const key = 'AKIAZ7QRSTUVWXY23456';\nmodule.exports = { key };\n",
	".env":        "DATABASE_URL=postgres://app:Zq8pLr3vTn5s@db.internal:5432/app\n",
}

func scanWith(t *testing.T, files map[string]string, opt Options) *Result {
	t.Helper()
	root := t.TempDir()
	writeTree(t, root, files)
	res, err := Run(context.Background(), root, opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func rulesAt(res *Result) map[string]string {
	got := make(map[string]string)
	for _, f := range res.Findings {
		got[f.Location.String()] = f.Rule.ID
	}
	return got
}

// injectFault makes stage panic for file for the length of the test.
func injectFault(t *testing.T, file, stage string) {
	t.Cleanup(func() { faultIn = nil })
	faultIn = func(f, s string) {
		if f == file && s == stage {
			panic("injected fault\nwith a second line")
		}
	}
}

func TestPanicInOneFileLeavesTheOthersAnalysed(t *testing.T) {
	injectFault(t, "src/orders.js", "pattern rules and lowering")
	res := scanWith(t, budgetRepo, Options{})

	got := rulesAt(res)
	if got["src/keys.js:1"] == "" || got[".env:1"] == "" {
		t.Errorf("the other files lost their findings: %v", got)
	}
	if len(res.Scope.Incomplete) != 1 {
		t.Fatalf("incomplete = %+v, want one entry", res.Scope.Incomplete)
	}
	gap := res.Scope.Incomplete[0]
	if gap.File != "src/orders.js" || !gap.Internal ||
		!strings.Contains(gap.Reason, "internal error in the pattern rules and lowering "+
			"(injected fault with a second line)") {
		t.Errorf("gap = %+v", gap)
	}
	if res.Scope.Files != 2 {
		t.Errorf("files reviewed = %d, want 2 (the faulty one is partly reviewed)",
			res.Scope.Files)
	}
}

func TestPanicInTheSecretScanKeepsTheCodeFindings(t *testing.T) {
	injectFault(t, "src/orders.js", "secret scan")
	res := scanWith(t, budgetRepo, Options{})

	if got := rulesAt(res); got["src/orders.js:3"] == "" {
		t.Errorf("the eval in orders.js was lost: %v", got)
	}
	if len(res.Scope.Incomplete) != 2 {
		t.Errorf("incomplete = %+v, want both secret-scan stages of orders.js",
			res.Scope.Incomplete)
	}
}

func TestPanicInTheDataFlowAnalysisKeepsTheRest(t *testing.T) {
	injectFault(t, "", "data-flow analysis")
	res := scanWith(t, budgetRepo, Options{})

	got := rulesAt(res)
	if got["src/keys.js:1"] == "" {
		t.Errorf("per-file findings lost: %v", got)
	}
	want := report.Incomplete{Internal: true, Reason: "internal error in the data-flow " +
		"analysis (injected fault with a second line); it was skipped"}
	if len(res.Scope.Incomplete) != 1 || res.Scope.Incomplete[0] != want {
		t.Errorf("incomplete = %+v, want %+v", res.Scope.Incomplete, want)
	}
}

func TestFileOverItsNodeBudgetIsCheckedForSecretsOnly(t *testing.T) {
	res := scanWith(t, budgetRepo, Options{Budget: Budget{Nodes: 10}})

	got := rulesAt(res)
	if got["src/keys.js:1"] != "secret.committed-credential" {
		t.Errorf("the secret scan of a file over budget: %v", got)
	}
	if got["src/orders.js:3"] != "" {
		t.Errorf("a file over budget was analysed: %v", got)
	}
	var files []string
	for _, g := range res.Scope.Incomplete {
		if g.Internal || !strings.Contains(g.Reason, "more than 10 nodes; only secrets") {
			t.Errorf("gap = %+v", g)
		}
		files = append(files, g.File)
	}
	if strings.Join(files, " ") != "src/keys.js src/orders.js" {
		t.Errorf("files over budget = %v", files)
	}
}

func TestFileOverItsTimeBudgetIsReported(t *testing.T) {
	big := strings.Repeat("const a = f(b, [c, d], { e: g + 1 });\n", 20000)
	res := scanWith(t, map[string]string{"src/big.js": big},
		Options{Budget: Budget{Time: 1}})

	if len(res.Scope.Incomplete) != 1 ||
		!strings.Contains(res.Scope.Incomplete[0].Reason, "parsing ran past the 1ns budget") {
		t.Errorf("incomplete = %+v", res.Scope.Incomplete)
	}
}
