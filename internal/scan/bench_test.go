package scan

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/corpus"
	"github.com/rampart-sec/rampart/internal/deps"
	"github.com/rampart-sec/rampart/internal/lang/javascript"
	"github.com/rampart-sec/rampart/internal/report"
	"github.com/rampart-sec/rampart/internal/secrets"
	"github.com/rampart-sec/rampart/internal/syntax"
	"github.com/rampart-sec/rampart/internal/workspace"
)

// The benchmarks measure each phase of a scan of a generated corpus (internal/corpus):
// Discover, Parse (discovery and parsing, what a scan cannot go below), Lower (pattern
// rules and lowering of parsed trees), Analyze (the whole-program phase: linking, the
// application model and its checks, data flows) and Report (rendering a result), and
// Scan, the whole of it. All but Report give files/s, lines/s and the corpus's lines;
// setup stays out of the timings.

// benchLines is the size of the benchmark corpus in source lines, unless the
// environment variable RAMPART_BENCH_LINES gives another.
const benchLines = 100_000

// benchGCPercent is the collector setting of the rampart command, so that the benchmarks
// measure what users run.
const benchGCPercent = 400

// benchCorpus is a generated corpus and its manifest.
type benchCorpus struct {
	root     string
	manifest *corpus.Manifest
}

// benchRepo writes the benchmark corpus and sets the command's collector setting for
// the rest of the benchmark.
func benchRepo(b *testing.B) benchCorpus {
	b.Helper()
	lines := benchLines
	if s := os.Getenv("RAMPART_BENCH_LINES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("RAMPART_BENCH_LINES=%q: %v", s, err)
		}
		lines = n
	}
	old := debug.SetGCPercent(benchGCPercent)
	b.Cleanup(func() { debug.SetGCPercent(old) })
	root := b.TempDir()
	m, err := corpus.Generate(root, corpus.Options{Lines: lines, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	return benchCorpus{root: root, manifest: m}
}

// discover finds the corpus's files as Run does.
func (c benchCorpus) discover(tb testing.TB) *workspace.Result {
	tb.Helper()
	ws, err := workspace.Discover(c.root, workspace.Options{
		Languages: Languages,
		Others:    javascript.TemplateExtensions(),
		Config:    secrets.IsConfigFile,
		Manifests: deps.IsManifest,
	})
	if err != nil {
		tb.Fatal(err)
	}
	return ws
}

// BenchmarkScan measures a whole scan, discovery to sorted findings, and checks that it
// reports every planted vulnerability.
func BenchmarkScan(b *testing.B) {
	c := benchRepo(b)
	var res *Result
	b.ResetTimer()
	for b.Loop() {
		var err error
		res, err = Run(context.Background(), c.root, Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	if res.Scope.Lines != c.manifest.SourceLines {
		b.Fatalf("scanned %d lines, want %d", res.Scope.Lines, c.manifest.SourceLines)
	}
	if missed := missedPlants(c.manifest, res); len(missed) > 0 {
		b.Fatalf("%d of %d planted vulnerabilities not reported, first %s", len(missed),
			len(c.manifest.Planted), missed[0])
	}
	reportRate(b, c.manifest)
}

// BenchmarkDiscover measures walking the corpus and reading its files.
func BenchmarkDiscover(b *testing.B) {
	c := benchRepo(b)
	b.ResetTimer()
	for b.Loop() {
		c.discover(b)
	}
	reportRate(b, c.manifest)
}

// BenchmarkParse measures what a scan cannot go below: discovering and parsing the
// corpus on all cores, with no analysis.
func BenchmarkParse(b *testing.B) {
	c := benchRepo(b)
	b.ResetTimer()
	for b.Loop() {
		ws := c.discover(b)
		trees := parseAll(b, ws.Files)
		for _, t := range trees {
			t.Release()
		}
	}
	reportRate(b, c.manifest)
}

// BenchmarkLower measures the pattern rules and the lowering into the model
// (javascript.AnalyzeFile) of trees parsed beforehand, on all cores.
func BenchmarkLower(b *testing.B) {
	c := benchRepo(b)
	files := c.discover(b).Files
	trees := parseAll(b, files)
	b.ResetTimer()
	for b.Loop() {
		err := parallel(context.Background(), len(files), 0, func(i int) {
			javascript.AnalyzeFile(files[i].Rel, files[i].Language, trees[i])
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	reportRate(b, c.manifest)
}

// BenchmarkAnalyze measures the whole-program phase (wholeProgram) over files analysed
// beforehand. Each iteration gets freshly lowered modules, so that nothing one run
// leaves in them speeds up the next.
func BenchmarkAnalyze(b *testing.B) {
	c := benchRepo(b)
	ws := c.discover(b)
	log := slog.New(slog.DiscardHandler)
	for b.Loop() {
		b.StopTimer()
		outcomes := analyzeForBench(b, ws)
		res := collect(ws, outcomes, log)
		b.StartTimer()
		err := wholeProgram(context.Background(), res, outcomes, ws, Options{}, nil, log)
		if err != nil {
			b.Fatal(err)
		}
	}
	reportRate(b, c.manifest)
}

// analyzeForBench parses and analyses every file as a scan does.
func analyzeForBench(b *testing.B, ws *workspace.Result) []outcome {
	b.Helper()
	sec, err := secretScanner()
	if err != nil {
		b.Fatal(err)
	}
	outcomes, _, err := analyzeAll(context.Background(), ws.Files, Options{}, nil,
		func(Progress) {}, sec, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	return outcomes
}

// BenchmarkReport measures rendering a scan's result in each machine and review format,
// and reports findings/s and the output's MB/s.
func BenchmarkReport(b *testing.B) {
	c := benchRepo(b)
	res, err := Run(context.Background(), c.root, Options{})
	if err != nil {
		b.Fatal(err)
	}
	rev := &report.Review{
		Tool:      report.Tool{Name: "rampart", Version: "bench"},
		ID:        "BENCH-1",
		Scope:     res.Scope,
		Findings:  res.Findings,
		Positives: res.Positives,
	}
	writers := map[string]report.Writer{
		"markdown": report.Markdown{},
		"json":     report.JSON{},
		"sarif": report.SARIF{Rules: Catalog().All(),
			Line: sourceLines(c.discover(b).Files)},
	}
	for _, name := range []string{"markdown", "json", "sarif"} {
		b.Run(name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := writers[name].Write(&buf, rev); err != nil {
					b.Fatal(err)
				}
			}
			perOp := b.Elapsed().Seconds() / float64(b.N)
			b.SetBytes(int64(buf.Len()))
			b.ReportMetric(float64(len(rev.Findings))/perOp, "findings/s")
			b.ReportMetric(float64(len(rev.Findings)), "findings")
		})
	}
}

// sourceLines returns the lines of the reviewed files, as the command gives SARIF, from
// memory rather than the disk.
func sourceLines(files []workspace.File) func(file string, line int) (string, bool) {
	lines := make(map[string][]string, len(files))
	for _, f := range files {
		lines[f.Rel] = strings.Split(string(f.Content), "\n")
	}
	return func(file string, line int) (string, bool) {
		ls := lines[file]
		if line < 1 || line > len(ls) {
			return "", false
		}
		return ls[line-1], true
	}
}

// parseAll parses files on all cores and returns their trees, in order.
func parseAll(b *testing.B, files []workspace.File) []*syntax.File {
	trees := make([]*syntax.File, len(files))
	err := parallel(context.Background(), len(files), 0, func(i int) {
		f := &files[i]
		t, err := javascript.GrammarFor(f.Rel, f.Language).Parse(f.Content)
		if err != nil {
			b.Error(err)
		}
		trees[i] = t
	})
	if err != nil {
		b.Fatal(err)
	}
	return trees
}

// reportRate reports the corpus's files and lines per second of one iteration, and its
// size.
func reportRate(b *testing.B, m *corpus.Manifest) {
	perOp := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(m.SourceFiles)/perOp, "files/s")
	b.ReportMetric(float64(m.SourceLines)/perOp, "lines/s")
	b.ReportMetric(float64(m.SourceLines), "lines")
}

// generatedRepo returns a corpus of about n*100 lines of source, and at least
// corpus.MinLines, by path: a realistic repository of some size for tests.
func generatedRepo(n int) map[string]string {
	lines := min(max(n*100, corpus.MinLines), corpus.MaxLines)
	files, _, err := corpus.Files(corpus.Options{Lines: lines, Seed: 1})
	if err != nil {
		// The size is clamped to the bounds Files accepts.
		panic(err)
	}
	return files
}
