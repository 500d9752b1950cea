package scan

import (
	"crypto/sha256"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/rampart-sec/rampart/internal/cache"
	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/secrets"
	"github.com/rampart-sec/rampart/internal/suppress"
	"github.com/rampart-sec/rampart/internal/wire"
	"github.com/rampart-sec/rampart/internal/workspace"
)

// analyzeCached returns the cached analysis of f when the store has one, and otherwise
// analyses it and stores the outcome; hit says which. An entry that cannot be read
// costs only the time of the analysis.
func analyzeCached(f *workspace.File, sec *secrets.Scanner, b Budget, log *slog.Logger,
	store *cache.Session) (o outcome, hit bool) {
	if store == nil {
		return analyzeFile(f, sec, b, log), false
	}
	key := cacheKey(f, b)
	if data, ok := store.Get(key); ok {
		if o, ok := decodeOutcome(data); ok {
			o.key, o.rel = &key, f.Rel
			o.redo = func() outcome { return analyzeFile(f, sec, b, log) }
			return o, true
		}
		log.Debug("unreadable cache entry, analysing again", "file", f.Rel)
	}
	o = analyzeFile(f, sec, b, log)
	if data, ok := encodeOutcome(&o); ok {
		store.Put(key, data)
		o.key = &key
	}
	return o, false
}

// outcomeVersion changes whenever the encoding of an outcome does.
const outcomeVersion = 1

// build identifies the analysis code: a hash of the running executable, so that an
// entry written by another build of rampart (a new version, a local change, a test
// binary) is never read. Reading the executable takes tens of milliseconds once a run.
var build = sync.OnceValue(func() []byte {
	path, err := os.Executable()
	if err == nil {
		var f *os.File
		if f, err = os.Open(path); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err = io.Copy(h, f); err == nil {
				return h.Sum(nil)
			}
		}
	}
	// Without its own identity a run cannot trust what another build wrote; a key of
	// its own process keeps it to its own entries.
	return []byte("pid " + strconv.Itoa(os.Getpid()) + " " + err.Error())
})

// openCache starts the cache session of a scan of root, or returns nil without a store
// or when the session cannot start, which only costs time.
func openCache(store *cache.Store, root string, log *slog.Logger) *cache.Session {
	if store == nil {
		return nil
	}
	abs, err := filepath.Abs(root)
	if err == nil {
		var s *cache.Session
		if s, err = store.Session(abs); err == nil {
			return s
		}
	}
	log.Warn("analysing without the cache", "error", err)
	return nil
}

// closeCache writes the session's pack for the next run.
func closeCache(s *cache.Session, log *slog.Logger) {
	if s == nil {
		return
	}
	if err := s.Close(); err != nil {
		log.Warn("the cache was not updated", "error", err)
	}
}

// cacheKey hashes everything a file's outcome depends on.
func cacheKey(f *workspace.File, b Budget) cache.Key {
	return cache.NewKey(build(), []byte{outcomeVersion}, []byte(f.Rel), []byte(f.Language),
		[]byte(strconv.Itoa(b.Nodes)), f.Content)
}

// catalog is the rule catalog outcomes are decoded against.
var catalog = sync.OnceValue(Catalog)

// encodeOutcome writes what analyzeFile found for a file. Outcomes with gaps are not
// kept: a time budget depends on the machine's load, not only on the file.
func encodeOutcome(o *outcome) ([]byte, bool) {
	if len(o.incomplete) > 0 || o.module == nil {
		return nil, false
	}
	w := wire.NewWriter(nil)
	w.Uint(outcomeVersion)
	w.Uint(uint64(o.lines))
	w.Uint(uint64(len(o.errorLines)))
	for _, l := range o.errorLines {
		w.Uint(uint64(l))
	}
	writeFindings(w, o.result.Findings)
	writePositives(w, o.result.Positives)
	writeDirectives(w, o.directives)
	w.Uint(uint64(len(o.specs)))
	for _, s := range o.specs {
		w.Str(s)
	}
	mod, err := model.EncodeModule(nil, o.module)
	if err != nil {
		return nil, false
	}
	w.Bytes(mod)
	return w.Buf, true
}

func writeLocation(w *wire.Writer, l finding.Location) {
	w.Str(l.File)
	for _, n := range []int{l.Line, l.Column, l.EndLine, l.EndColumn} {
		w.Int(int64(n))
	}
}

func writeFindings(w *wire.Writer, fs []finding.Finding) {
	w.Uint(uint64(len(fs)))
	for _, f := range fs {
		w.Str(f.Rule.ID)
		for _, s := range []string{f.Title, f.Snippet, f.Impact, f.Fix, f.FixExample,
			f.Variant} {
			w.Str(s)
		}
		w.Int(int64(f.Severity))
		w.Int(int64(f.Confidence))
		writeLocation(w, f.Location)
		w.Uint(uint64(len(f.Trace)))
		for _, st := range f.Trace {
			w.Str(st.File)
			w.Int(int64(st.Line))
			w.Str(st.Note)
		}
	}
}

func writePositives(w *wire.Writer, ps []finding.Positive) {
	w.Uint(uint64(len(ps)))
	for _, p := range ps {
		w.Str(p.Title)
		writeLocation(w, p.Location)
	}
}

func readPositives(r *wire.Reader) []finding.Positive {
	n := r.Count()
	if n == 0 {
		return nil
	}
	ps := make([]finding.Positive, n)
	for i := range ps {
		ps[i] = finding.Positive{Title: r.Str(), Location: readLocation(r)}
	}
	return ps
}

func writeDirectives(w *wire.Writer, ds []suppress.Directive) {
	w.Uint(uint64(len(ds)))
	for _, d := range ds {
		w.Str(d.File)
		w.Int(int64(d.Line))
		w.Uint(uint64(len(d.Rules)))
		for _, r := range d.Rules {
			w.Str(r)
		}
		w.Str(d.Reason)
	}
}

// decodeOutcome reads what encodeOutcome wrote, or returns false when the entry cannot
// be used.
func decodeOutcome(data []byte) (outcome, bool) {
	r := wire.NewReader(data)
	if r.Uint() != outcomeVersion {
		return outcome{}, false
	}
	o := outcome{lines: int(r.Uint())}
	if n := r.Count(); n > 0 {
		o.errorLines = make([]int, n)
		for i := range o.errorLines {
			o.errorLines[i] = int(r.Uint())
		}
	}
	o.result.Findings = readFindings(r)
	o.result.Positives = readPositives(r)
	o.directives = readDirectives(r)
	if n := r.Count(); n > 0 {
		o.specs = make([]string, n)
		for i := range o.specs {
			o.specs[i] = r.Str()
		}
	}
	o.moduleData = r.View()
	if r.Done() != nil {
		return outcome{}, false
	}
	return o, true
}

func readLocation(r *wire.Reader) finding.Location {
	return finding.Location{File: r.Str(), Line: int(r.Int32()), Column: int(r.Int32()),
		EndLine: int(r.Int32()), EndColumn: int(r.Int32())}
}

func readFindings(r *wire.Reader) []finding.Finding {
	n := r.Count()
	if n == 0 {
		return nil
	}
	fs := make([]finding.Finding, n)
	for i := range fs {
		f := &fs[i]
		id := r.Str()
		rl, ok := catalog().Lookup(id)
		if !ok {
			r.Fail("unknown rule %q", id)
			return nil
		}
		f.Rule = rl
		f.Title, f.Snippet, f.Impact = r.Str(), r.Str(), r.Str()
		f.Fix, f.FixExample, f.Variant = r.Str(), r.Str(), r.Str()
		f.Severity, f.Confidence = rule.Severity(r.Int()), rule.Confidence(r.Int())
		if f.Severity < rule.Low || f.Severity > rule.Critical ||
			f.Confidence < rule.LowConfidence || f.Confidence > rule.HighConfidence {
			r.Fail("severity %d, confidence %d", f.Severity, f.Confidence)
			return nil
		}
		f.Location = readLocation(r)
		if k := r.Count(); k > 0 {
			f.Trace = make([]finding.Step, k)
			for j := range f.Trace {
				f.Trace[j] = finding.Step{File: r.Str(), Line: int(r.Int32()), Note: r.Str()}
			}
		}
	}
	return fs
}

func readDirectives(r *wire.Reader) []suppress.Directive {
	n := r.Count()
	if n == 0 {
		return nil
	}
	ds := make([]suppress.Directive, n)
	for i := range ds {
		ds[i].File, ds[i].Line = r.Str(), int(r.Int32())
		if k := r.Count(); k > 0 {
			ds[i].Rules = make([]string, k)
			for j := range ds[i].Rules {
				ds[i].Rules[j] = r.Str()
			}
		}
		ds[i].Reason = r.Str()
	}
	return ds
}
