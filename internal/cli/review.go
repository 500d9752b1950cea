package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/rampart-sec/rampart/internal/baseline"
	"github.com/rampart-sec/rampart/internal/config"
	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/lang/javascript"
	"github.com/rampart-sec/rampart/internal/report"
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/scan"
	"github.com/rampart-sec/rampart/internal/workspace"
)

// reviewDir is where reviews are written, relative to the reviewed root.
const reviewDir = "ai/reviews"

// briefLimit is how many findings the summary on stderr lists: one screen.
const briefLimit = 10

func runReview(e *env, args []string) error {
	fs := newFlagSet("review", "[PATH] [--id ID] [flags]", e.stderr)
	id := fs.String("id", "", "review ID, such as PAY-142 (default: the ticket key in "+
		"the git branch name)")
	out := fs.String("out", "", "write the review to this file instead, or - for stdout")
	var outs outputFlag
	fs.Var(&outs, "output", "also write FORMAT=PATH, such as sarif=rampart.sarif "+
		"(repeatable)")
	var sf scanFlags
	sf.register(fs, rule.High)
	root, err := parsePath(fs, args)
	if err != nil {
		return err
	}
	if err := sf.loadConfig(fs, root); err != nil {
		return err
	}

	if *id == "" {
		if *id, err = idFromBranch(root); err != nil {
			return fmt.Errorf("a review ID is needed: pass --id ID (%v)", err)
		}
	}
	if err := checkID(*id); err != nil {
		return err
	}
	if *out == "-" && slices.ContainsFunc(outs, func(o output) bool { return o.path == "-" }) {
		return fmt.Errorf("--out - and an --output to - would both write to stdout")
	}

	rev, err := buildReview(e, root, *id, &sf, true)
	if err != nil {
		return err
	}
	var md bytes.Buffer
	if err := (report.Markdown{}).Write(&md, rev); err != nil {
		return err
	}
	path, err := writeReview(e.stdout, root, *id, *out, sf.cfg.Output, md.Bytes())
	if err != nil {
		return err
	}
	if err := writeOutputs(e.stdout, rev, outs,
		look{text: textFor(root, false), root: root}); err != nil {
		return err
	}
	if !sf.quiet {
		if err := report.WriteBrief(e.stderr, rev, path, briefLimit); err != nil {
			return err
		}
	}
	return sf.verdict(rev)
}

// buildReview scans root and gathers what every report shows, narrowed to the change
// under review; changeByDefault says whether no scope flag means a change.
func buildReview(e *env, root, id string, sf *scanFlags, changeByDefault bool) (
	*report.Review, error) {
	changes, note, err := sf.changes(e, root, changeByDefault)
	if err != nil {
		return nil, err
	}
	rev, res, err := scanRoot(e, root, id, sf)
	if err != nil {
		return nil, err
	}
	if sf.baseline != "" {
		b, err := baseline.Read(sf.baseline)
		if err != nil {
			return nil, err
		}
		rev.Findings, rev.Scope.Baselined = b.Filter(rev.Findings)
	}
	suppressed := applyScope(rev, res, changes, note)
	rev.Scope.Suppressed = len(suppressed)
	if sf.showSuppressed {
		rev.Suppressed = suppressed
	}
	return rev, nil
}

// scanRoot scans root with the configuration sf loaded and returns the review and the
// scan result, with the configuration's rule settings applied.
func scanRoot(e *env, root, id string, sf *scanFlags) (*report.Review, *scan.Result, error) {
	cfg := sf.cfg
	log := logger(e.stderr, sf.verbose)
	advisories, err := sf.db.dir()
	if err != nil {
		// The review goes on and its preamble says that dependencies went unchecked.
		log.Warn("no advisory database", "error", err)
	}
	opt := scan.Options{
		Workspace:      sf.workspace(),
		Logger:         log,
		Dataflow:       cfg.Dataflow.Catalog(),
		Middleware:     cfg.Middleware.Kinds(),
		Advisories:     advisories,
		MaxAdvisoryAge: time.Duration(cfg.Advisories.MaxAgeDays) * 24 * time.Hour,
		Cache:          sf.cache(log),
		AppModel:       sf.appModel,
	}
	if cfg.Secrets.Fixtures != nil {
		opt.SecretFixtures = workspace.Patterns(*cfg.Secrets.Fixtures)
	}
	if e.tune != nil {
		e.tune(&opt)
	}
	// A progress line only on a terminal, where it is redrawn in place, and not among
	// --verbose logs.
	if !sf.quiet && !sf.verbose && isTerminal(e.stderr) {
		p := startProgress(e.stderr)
		opt.Progress = p.update
		defer p.Stop()
	}
	res, err := scan.Run(e.ctx, root, opt)
	if err != nil {
		return nil, nil, err
	}
	res.Findings = applyRules(cfg.Rules, res.Findings)
	res.Suppressed = applyRules(cfg.Rules, res.Suppressed)
	rev := &report.Review{
		Tool:      report.Tool{Name: "rampart", Version: Version},
		ID:        id,
		Scope:     res.Scope,
		Findings:  res.Findings,
		Positives: res.Positives,
	}
	return rev, res, nil
}

// applyRules drops the findings of disabled rules and applies severity overrides.
func applyRules(rules config.Rules, fs []finding.Finding) []finding.Finding {
	if len(rules.Disable) == 0 && len(rules.Severity) == 0 {
		return fs
	}
	var out []finding.Finding
	for _, f := range fs {
		if slices.Contains(rules.Disable, f.Rule.ID) {
			continue
		}
		if name, ok := rules.Severity[f.Rule.ID]; ok {
			f.Severity, _ = rule.ParseSeverity(name)
		}
		out = append(out, f)
	}
	finding.Sort(out)
	return out
}

// loadConfig reads the configuration of root and lets it supply the defaults of flags
// the command line leaves out.
func (s *scanFlags) loadConfig(fs *flag.FlagSet, root string) error {
	known := config.Known{Classes: javascript.FlowClasses()}
	for _, r := range scan.Catalog().All() {
		known.Rules = append(known.Rules, r.ID)
	}
	cfg, err := config.Load(root, s.config, known)
	if err != nil {
		return err
	}
	s.cfg = cfg
	explicit := make(map[string]bool)
	fs.Visit(func(f *flag.Flag) { explicit[f.Name] = true })
	if cfg.FailOn != "" && !explicit["fail-on"] {
		if err := s.fail.Set(cfg.FailOn); err != nil {
			return err
		}
	}
	if cfg.Tests && !explicit["include-tests"] {
		s.includeTests = true
	}
	return nil
}

// writeReview writes the review where --out says, by default to
// ai/reviews/<ID>_backend_security.md under the reviewed root, and returns that path ("" for
// stdout).
func writeReview(stdout io.Writer, root, id, out, template string, data []byte) (
	string, error) {
	if out == "-" {
		_, err := stdout.Write(data)
		return "", err
	}
	if out == "" {
		if template == "" {
			template = reviewDir + "/{id}_backend_security.md"
		}
		rel := strings.ReplaceAll(template, "{id}", id)
		dir, err := safeDirUnder(root, path.Dir(rel))
		if err != nil {
			return "", err
		}
		out = filepath.Join(dir, path.Base(rel))
	}
	if err := writeFileAtomic(out, data); err != nil {
		return "", fmt.Errorf("write review: %w", err)
	}
	return out, nil
}

// safeDirUnder creates the directory rel (slash-separated, inside the root) under the
// reviewed root. The reviewed repository is not trusted: a directory on the way that is a
// symbolic link could point anywhere, so it is refused rather than followed.
func safeDirUnder(root, rel string) (string, error) {
	info, err := os.Stat(root)
	if err != nil {
		return "", err
	}
	if !info.IsDir() {
		root = filepath.Dir(root)
	}
	dir := root
	for _, part := range strings.Split(path.Clean(rel), "/") {
		if part == "." || part == "" {
			continue
		}
		dir = filepath.Join(dir, part)
		info, err := os.Lstat(dir)
		switch {
		case os.IsNotExist(err):
			if err := os.Mkdir(dir, 0o755); err != nil {
				return "", err
			}
		case err != nil:
			return "", err
		case info.Mode()&os.ModeSymlink != 0:
			return "", fmt.Errorf("%s is a symbolic link; refusing to write the review "+
				"through it (use --out FILE)", dir)
		case !info.IsDir():
			return "", fmt.Errorf("%s is not a directory", dir)
		}
	}
	return dir, nil
}

// writeFileAtomic writes through a temporary file and a rename, so that a reader never
// sees half a review and an existing symbolic link at path is replaced, not followed.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".rampart-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// verdict returns the error the review's exit code follows: an incompleteError under
// --strict when part of the analysis did not run, else failOn's.
func (s *scanFlags) verdict(rev *report.Review) error {
	if n := len(rev.Scope.Incomplete); s.strict && n > 0 {
		return incompleteError{gaps: n}
	}
	return failOn(&s.fail, rev)
}

// failOn returns a foundError when findings reach the threshold.
func failOn(t *threshold, rev *report.Review) error {
	sevs := make([]rule.Severity, len(rev.Findings))
	for i, f := range rev.Findings {
		sevs[i] = f.Severity
	}
	if n := t.count(sevs); n > 0 {
		return foundError{count: n}
	}
	return nil
}
