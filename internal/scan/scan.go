// Package scan runs a review's analysis: it discovers the files under a root, parses and
// analyses them in parallel, and returns the findings in a deterministic order.
package scan

import (
	"bytes"
	"context"
	"log/slog"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/cache"
	"github.com/rampart-sec/rampart/internal/deps"
	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/lang/javascript"
	"github.com/rampart-sec/rampart/internal/report"
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/secrets"
	"github.com/rampart-sec/rampart/internal/suppress"
	"github.com/rampart-sec/rampart/internal/taint"
	"github.com/rampart-sec/rampart/internal/workspace"
)

// Languages are the languages rampart analyses; source files of other languages are
// listed as skipped.
var Languages = []string{workspace.JavaScript, workspace.TypeScript}

// Catalog returns every rule rampart implements.
func Catalog() *rule.Catalog {
	c, err := rule.NewCatalog(slices.Concat(javascript.Rules(), secrets.Rules(),
		deps.Rules(), suppress.Rules())...)
	if err != nil {
		// The catalog is compiled in; an invalid rule is a programming error that every
		// test run catches.
		panic(err)
	}
	return c
}

// Options configure a scan.
type Options struct {
	Workspace workspace.Options
	// Workers is the number of files analysed at once; 0 means one per CPU.
	Workers int
	// Logger receives progress and diagnostics; nil discards them.
	Logger *slog.Logger
	// Dataflow adds a project's own sources, sinks and sanitizers, or is nil.
	Dataflow *taint.Catalog
	// Middleware names a project's own middleware by what it does.
	Middleware map[string][]appmodel.Kind
	// Progress, if set, is told of each phase and of each file analysed. It is called
	// from several goroutines at once and must return quickly.
	Progress func(Progress)
	// Advisories is the OSV database directory that dependencies are checked against;
	// "" leaves them unchecked, and the review says so.
	Advisories string
	// MaxAdvisoryAge is the age past which the review calls the database out of date;
	// 0 means DefaultMaxAdvisoryAge.
	MaxAdvisoryAge time.Duration
	// Now is the clock the database's age is measured with; nil means time.Now.
	Now func() time.Time
	// Budget bounds the analysis of each file; zero fields take DefaultBudget's.
	Budget Budget
	// AppModel asks for Result.App, the model of every application with its routes.
	AppModel bool
	// Cache, if set, keeps each file's analysis for the next run, which then analyses
	// only the files that changed.
	Cache *cache.Store
	// SecretFixtures picks the files whose credentials are test data, not reported; nil
	// means test code (workspace.IsTestPath).
	SecretFixtures func(rel string) bool
}

// Progress says how far a scan is: its phase and, while files are analysed, how many
// of how many are done.
type Progress struct {
	Phase       string
	Done, Total int
}

// Phases of a scan, in order, as Progress reports them.
const (
	PhaseDiscover = "discovering files"
	PhaseAnalyze  = "analysing files"
	PhaseProgram  = "following data flows and routes"
)

// Result is what a scan found.
type Result struct {
	Scope     report.Scope
	Findings  []finding.Finding
	Positives []finding.Positive
	// App is the model of the applications: their middleware and routes, when
	// Options.AppModel asked for it, and empty otherwise.
	App *appmodel.Model
	// Reviewed lists the files analysed, by path relative to the root.
	Reviewed []string
	// Config lists the configuration files, manifests and lockfiles read, by path
	// relative to the root.
	Config []string
	// Suppressed are the findings rampart:ignore comments silenced, with their reasons.
	Suppressed []finding.Finding
	// FromCache counts the files whose analysis came from the cache.
	FromCache int
}

// Run scans root.
func Run(ctx context.Context, root string, opt Options) (*Result, error) {
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	opt.Workspace.Languages = Languages
	opt.Workspace.Others = javascript.TemplateExtensions()
	opt.Workspace.Config = secrets.IsConfigFile
	opt.Workspace.Manifests = deps.IsManifest
	sec, err := secretScanner()
	if err != nil {
		return nil, err
	}

	progress := opt.Progress
	if progress == nil {
		progress = func(Progress) {}
	}
	progress(Progress{Phase: PhaseDiscover})
	start := time.Now()
	ws, err := workspace.Discover(root, opt.Workspace)
	if err != nil {
		return nil, err
	}
	log.Debug("discovered files", "reviewed", len(ws.Files), "skipped", len(ws.Skipped),
		"elapsed", time.Since(start).Round(time.Millisecond))
	for _, s := range ws.Skipped {
		log.Debug("skipped", "file", s.Rel, "reason", s.Reason)
	}

	// Lockfiles and the advisory database need none of the source analysis.
	var depFindings []finding.Finding
	var coverage *report.Dependencies
	var depsDone sync.WaitGroup
	depsDone.Go(func() { depFindings, coverage = checkDependencies(ctx, ws.Manifests, opt) })

	start = time.Now()
	session := openCache(opt.Cache, root, log)
	defer closeCache(session, log)
	outcomes, fromCache, err := analyzeAll(ctx, ws.Files, opt, session, progress, sec, log)
	depsDone.Wait()
	if err != nil {
		return nil, err
	}
	log.Debug("analysed files", "files", len(ws.Files),
		"elapsed", time.Since(start).Round(time.Millisecond))

	res := collect(ws, outcomes, log)
	res.FromCache = fromCache
	configFiles := secretFiles(ws)
	configHits, configGaps, err := scanConfig(ctx, configFiles, opt.Workers, sec, log)
	if err != nil {
		return nil, err
	}
	res.Scope.Incomplete = append(res.Scope.Incomplete, configGaps...)
	res.Scope.ConfigFiles = len(configFiles)
	for _, f := range slices.Concat(ws.Config, ws.Manifests) {
		res.Config = append(res.Config, f.Rel)
	}
	res.Findings = append(res.Findings, configHits...)
	res.Findings, res.Scope.FixtureSecrets = dropFixtureSecrets(res.Findings, opt)
	res.Findings = append(res.Findings, depFindings...)
	res.Scope.Dependencies = coverage
	log.Debug("checked dependencies", "lockfiles", coverage.Lockfiles,
		"packages", coverage.Packages, "vulnerable", len(depFindings),
		"database", coverage.Database)
	progress(Progress{Phase: PhaseProgram})
	start = time.Now()
	if err := wholeProgram(ctx, res, outcomes, ws, opt, session, log); err != nil {
		return nil, err
	}
	log.Debug("analysed the application and its data flows",
		"elapsed", time.Since(start).Round(time.Millisecond))
	return res, nil
}

// directivesOf gathers the rampart:ignore comments of every file.
func directivesOf(outcomes []outcome) []suppress.Directive {
	var ds []suppress.Directive
	for _, o := range outcomes {
		ds = append(ds, o.directives...)
	}
	return ds
}

// flowCatalog returns what the project adds to the data-flow catalog: sinks from its
// view templates and its configured sources, sinks and sanitizers.
func flowCatalog(ws *workspace.Result, opt Options) *taint.Catalog {
	extra := &taint.Catalog{Sinks: javascript.TemplateSinks(ws.Others)}
	if opt.Dataflow != nil {
		extra.Sources = opt.Dataflow.Sources
		extra.SourceCalls = opt.Dataflow.SourceCalls
		extra.Sanitizers = opt.Dataflow.Sanitizers
		extra.Sinks = append(extra.Sinks, opt.Dataflow.Sinks...)
	}
	return extra
}

// analyzeAll parses and analyses each file once, on all workers; each file's syntax tree
// lives only while its worker analyses it.
func analyzeAll(ctx context.Context, files []workspace.File, opt Options,
	session *cache.Session, progress func(Progress), sec *secrets.Scanner,
	log *slog.Logger) ([]outcome, int, error) {
	progress(Progress{Phase: PhaseAnalyze, Total: len(files)})
	budget := opt.Budget.withDefaults()
	var done, hits atomic.Int64
	out := make([]outcome, len(files))
	err := parallel(ctx, len(files), opt.Workers, func(i int) {
		var hit bool
		out[i], hit = analyzeCached(&files[i], sec, budget, log, session)
		if hit {
			hits.Add(1)
		}
		progress(Progress{Phase: PhaseAnalyze, Done: int(done.Add(1)), Total: len(files)})
	})
	if session != nil {
		log.Debug("analyses from the cache", "files", hits.Load(), "of", len(files),
			"cache", opt.Cache.Dir())
	}
	return out, int(hits.Load()), err
}

// parallel calls do for each index below n on workers goroutines (0 means one per CPU)
// and stops handing out indexes when ctx ends, returning its error.
func parallel(ctx context.Context, n, workers int, do func(i int)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				do(i)
			}
		})
	}

	var err error
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	return err
}

// scanConfig looks for committed credentials in the configuration files, on all workers.
func scanConfig(ctx context.Context, files []workspace.File, workers int,
	sec *secrets.Scanner, log *slog.Logger) ([]finding.Finding, []report.Incomplete, error) {
	per := make([][]finding.Finding, len(files))
	incomplete := make([][]report.Incomplete, len(files))
	err := parallel(ctx, len(files), workers, func(i int) {
		f := &files[i]
		reason := guard(f.Rel, "secret scan", func() {
			per[i] = secrets.Findings(f.Rel, f.Content, sec.Scan(f.Rel, f.Content))
		}, log)
		if reason != nil {
			incomplete[i] = []report.Incomplete{*reason}
		}
	})
	return slices.Concat(per...), slices.Concat(incomplete...), err
}

// collect merges the per-file outcomes in discovery order, which is sorted by path, so
// that the result does not depend on which worker finished first.
func collect(ws *workspace.Result, outcomes []outcome, log *slog.Logger) *Result {
	res := &Result{Scope: report.Scope{Mode: "all", Languages: make(map[string]int)}}
	for _, s := range ws.Skipped {
		res.Scope.Skipped = append(res.Scope.Skipped, report.Skip{File: s.Rel, Reason: s.Reason})
	}
	for i, o := range outcomes {
		f := ws.Files[i]
		for _, inc := range o.incomplete {
			log.Warn("file partly analysed", "file", f.Rel, "reason", inc.Reason)
		}
		res.Scope.Incomplete = append(res.Scope.Incomplete, o.incomplete...)
		res.Scope.Files++
		res.Reviewed = append(res.Reviewed, f.Rel)
		res.Scope.Lines += o.lines
		res.Scope.Languages[f.Language]++
		if len(o.errorLines) > 0 {
			log.Debug("syntax errors", "file", f.Rel, "lines", o.errorLines)
			res.Scope.ParseIssues = append(res.Scope.ParseIssues,
				report.ParseIssue{File: f.Rel, Lines: o.errorLines})
		}
		res.Findings = append(res.Findings, o.result.Findings...)
		res.Positives = append(res.Positives, o.result.Positives...)
	}
	slices.SortFunc(res.Scope.Skipped, func(a, b report.Skip) int {
		return strings.Compare(a.File, b.File)
	})

	res.Positives = finding.SortPositives(res.Positives)
	return res
}

// countLines counts lines the way editors number them: a final line without a newline
// still counts.
func countLines(src []byte) int {
	n := bytes.Count(src, []byte{'\n'})
	if len(src) > 0 && src[len(src)-1] != '\n' {
		n++
	}
	return n
}
