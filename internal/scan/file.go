package scan

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/rampart-sec/rampart/internal/cache"
	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/lang/javascript"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/report"
	"github.com/rampart-sec/rampart/internal/secrets"
	"github.com/rampart-sec/rampart/internal/suppress"
	"github.com/rampart-sec/rampart/internal/syntax"
	"github.com/rampart-sec/rampart/internal/workspace"
)

// Budget bounds what the analysis of one file may take, so that one hostile or
// pathological file cannot stall or exhaust a scan. A file that goes past it is
// reported as partly analysed, never dropped in silence.
type Budget struct {
	// Time bounds the parse of a file, and separately its pattern rules.
	Time time.Duration
	// Nodes bounds the syntax tree of a file, and with it the memory its analysis takes.
	Nodes int
}

// DefaultBudget is the budget of a scan that sets none. Ordinary files take
// milliseconds; ten seconds leaves room for a slow machine and stops a runaway parse.
// The files that reach the analysis are at most 1 MiB unless --max-file-size says more
// (workspace.DefaultMaxFileSize), about 300,000 nodes for a MiB of ordinary code; a
// million nodes (about 100 MB in memory) is only reached by degenerate input such as a
// MiB of brackets.
var DefaultBudget = Budget{Time: 10 * time.Second, Nodes: 1_000_000}

// withDefaults fills the fields b leaves at zero from DefaultBudget.
func (b Budget) withDefaults() Budget {
	if b.Time <= 0 {
		b.Time = DefaultBudget.Time
	}
	if b.Nodes <= 0 {
		b.Nodes = DefaultBudget.Nodes
	}
	return b
}

// outcome is the analysis of one file.
type outcome struct {
	lines      int
	errorLines []int
	result     javascript.Result
	module     *model.Module
	directives []suppress.Directive
	// incomplete says what part of the analysis did not run, and why; nil when all did.
	incomplete []report.Incomplete
	// key is the outcome's cache key, when a cache is in use.
	key *cache.Key

	// rel is the file's path; specs are the modules its module imports, which is all the
	// whole-program analyses need to know of a module they take from the cache.
	rel   string
	specs []string
	// moduleData is the encoded module of an outcome from the cache, decoded by
	// loadModule only when its part of the program is analysed again; redo analyses the
	// file afresh should the encoding not decode.
	moduleData []byte
	redo       func() outcome
}

// hasModule reports whether the file was lowered, so that it takes part in the
// whole-program analyses.
func (o *outcome) hasModule() bool { return o.module != nil || o.moduleData != nil }

// loadModule decodes the module of an outcome from the cache, once.
func (o *outcome) loadModule() *model.Module {
	if o.module != nil || o.moduleData == nil {
		return o.module
	}
	m, err := model.DecodeModule(o.moduleData)
	o.moduleData = nil
	if err != nil && o.redo != nil {
		m = o.redo().module
	}
	o.module = m
	return m
}

// analyzeFile parses and analyses one file. Each stage runs on its own: a stage that
// panics or runs past the budget is recorded in incomplete, and the stages that do not
// depend on it still run, so that one bug or one pathological file costs only what it
// must.
func analyzeFile(f *workspace.File, sec *secrets.Scanner, b Budget, log *slog.Logger) outcome {
	o := outcome{lines: countLines(f.Content), rel: f.Rel}
	stage := func(name string, run func()) bool {
		if reason := guard(f.Rel, name, run, log); reason != nil {
			o.incomplete = append(o.incomplete, *reason)
			return false
		}
		return true
	}

	var hits []secrets.Hit
	stage("secret scan", func() { hits = sec.Scan(f.Rel, f.Content) })
	stage("suppression comments", func() { o.directives = suppress.Scan(f.Rel, f.Content) })

	var parsed *syntax.File
	var err error
	stage("parser", func() {
		grammar := javascript.GrammarFor(f.Rel, f.Language)
		parsed, err = grammar.ParseWithin(f.Content, syntax.Limits{Time: b.Time, Nodes: b.Nodes})
	})
	if err != nil {
		o.incomplete = append(o.incomplete, report.Incomplete{File: f.Rel,
			Reason: parseShortfall(err, b) + "; only secrets and suppressions were checked"})
	}
	if parsed != nil {
		// Nothing the analysis returns points into the tree; its memory goes to the
		// next file.
		defer parsed.Release()
		o.errorLines = parsed.ErrorLines
		stage("pattern rules and lowering", func() {
			o.result, o.module, err = javascript.AnalyzeFileWithin(f.Rel, f.Language, parsed,
				time.Now().Add(b.Time))
		})
		if errors.Is(err, javascript.ErrRuleBudget) {
			o.incomplete = append(o.incomplete, report.Incomplete{File: f.Rel,
				Reason: fmt.Sprintf("the pattern rules ran past the %s budget and their "+
					"findings were dropped; data flows and secrets were checked", b.Time)})
		}
	}
	stage("secret scan", func() {
		o.result.Findings = append(o.result.Findings, codeSecrets(f, hits, o.result.Findings)...)
	})
	if o.module != nil {
		o.specs = o.module.ImportSpecs()
	}
	return o
}

// parseShortfall says why a file has no syntax tree.
func parseShortfall(err error, b Budget) string {
	switch {
	case errors.Is(err, syntax.ErrTimeBudget):
		return fmt.Sprintf("parsing ran past the %s budget", b.Time)
	case errors.Is(err, syntax.ErrNodeBudget):
		return fmt.Sprintf("the syntax tree has more than %d nodes", b.Nodes)
	}
	return "the parser gave no tree (" + err.Error() + ")"
}

// faultIn, set only by tests, runs at the start of every guarded stage, so that a test
// can make any stage of any file panic.
var faultIn func(file, stage string)

// maxPanicText bounds the panic value a report quotes.
const maxPanicText = 120

// guard runs one stage of the analysis of file and turns a panic into a description of
// what did not run, logging the stack for a bug report. A panic is a bug in rampart, not
// in the reviewed code; the rest of the scan goes on.
func guard(file, stage string, run func(), log *slog.Logger) (reason *report.Incomplete) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		text := strings.Join(strings.Fields(fmt.Sprint(r)), " ")
		if len(text) > maxPanicText {
			text = text[:maxPanicText] + "…"
		}
		log.Error("internal error, analysis went on without this stage", "file", file,
			"stage", stage, "panic", text, "stack", string(debug.Stack()))
		reason = &report.Incomplete{File: file, Internal: true,
			Reason: "internal error in the " + stage + " (" + text + "); it was skipped"}
	}()
	if faultIn != nil {
		faultIn(file, stage)
	}
	run()
	return nil
}

// secretScanner is built once: loading gitleaks' rules takes tens of milliseconds.
var secretScanner = sync.OnceValues(secrets.New)

// codeSecrets returns the committed credentials in a source file that the language's own
// rule has not reported, with more context, at their line or through a trace.
func codeSecrets(f *workspace.File, hits []secrets.Hit,
	found []finding.Finding) []finding.Finding {
	if len(hits) == 0 {
		return nil
	}
	known := make(map[int]bool)
	for _, x := range found {
		if x.Rule.ID != javascript.HardcodedSecretID {
			continue
		}
		// The key may be written on another line, which the trace names.
		known[x.Location.Line] = true
		for _, st := range x.Trace {
			if st.File == f.Rel {
				known[st.Line] = true
			}
		}
	}
	var kept []secrets.Hit
	for _, h := range hits {
		if !known[h.Line] {
			kept = append(kept, h)
		}
	}
	return secrets.Findings(f.Rel, f.Content, kept)
}
