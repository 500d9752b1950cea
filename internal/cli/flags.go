package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/rampart-sec/rampart/internal/cache"
	"github.com/rampart-sec/rampart/internal/config"
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/workspace"
)

// parse parses flags that may come before or after the positional arguments, as in
// `rampart review ./api --id PAY-142`, and returns the positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp
			}
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name, usage string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: rampart %s %s\n\nFlags:\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// scanFlags are the flags that choose what is analysed and when to fail, shared by review
// and scan.
type scanFlags struct {
	verbose         bool
	quiet           bool
	includeTests    bool
	includeFrontend bool
	maxFileSize     int64
	fail            threshold
	strict          bool
	config          string
	// The scope of the review: the whole tree, or a change.
	all    bool
	base   string
	diff   string
	staged bool
	// What else narrows or widens the listing.
	baseline       string
	showSuppressed bool
	// db is the advisory database dependencies are checked against.
	db dbDirFlag
	// The cache of analysed files, unless noCache.
	noCache  bool
	cacheDir string
	// appModel asks the scan for the model of the applications.
	appModel bool
	// cfg is the configuration loadConfig read.
	cfg *config.Config
}

// register adds the flags to fs; failOn is the default --fail-on severity, 0 for none.
func (s *scanFlags) register(fs *flag.FlagSet, failOn rule.Severity) {
	s.fail.min = failOn
	usage := "exit 1 when a finding is at least this severe: critical, high, medium, low or none"
	if failOn == 0 {
		usage += " (default none)" // the flag package prints only non-zero defaults
	}
	fs.Var(&s.fail, "fail-on", usage)
	fs.BoolVar(&s.strict, "strict", false, "exit 2 when part of the analysis did not run "+
		"(an internal error, or a file past its time or size budget)")
	fs.BoolVar(&s.verbose, "verbose", false,
		"log skipped files and why, syntax errors and timings to stderr")
	fs.BoolVar(&s.quiet, "quiet", false, "print nothing on stderr but errors: no progress "+
		"line, no summary")
	fs.BoolVar(&s.includeTests, "include-tests", false, "review test code too")
	fs.BoolVar(&s.includeFrontend, "include-frontend", false, "review browser code too")
	fs.Int64Var(&s.maxFileSize, "max-file-size", workspace.DefaultMaxFileSize,
		"skip files larger than this many bytes")
	fs.StringVar(&s.config, "config", "", "read this configuration file instead of "+
		".rampart.yaml at the reviewed root")
	fs.BoolVar(&s.all, "all", false, "review the whole tree, not only a change")
	fs.StringVar(&s.base, "base", "", "review the change since the merge base with this "+
		"git ref (default: origin/HEAD, main or master)")
	fs.StringVar(&s.diff, "diff", "", "review the change this unified diff file makes "+
		"(- reads standard input)")
	fs.BoolVar(&s.staged, "staged", false, "review the staged changes (the index)")
	fs.StringVar(&s.baseline, "baseline", "", "leave out the findings this baseline file "+
		"holds (see rampart baseline)")
	fs.BoolVar(&s.showSuppressed, "show-suppressed", false, "list the findings "+
		"rampart:ignore comments silence")
	s.db.register(fs)
	fs.BoolVar(&s.noCache, "no-cache", false, "analyse every file again: neither read nor "+
		"write the cache of analysed files")
	fs.StringVar(&s.cacheDir, "cache-dir", "", "keep the cache of analysed files in this "+
		"directory (default $"+envCacheDir+", else rampart/analysis under the user cache "+
		"directory)")
}

// envCacheDir names the cache directory when --cache-dir does not.
const envCacheDir = "RAMPART_CACHE_DIR"

// Entries of the analysis cache unused for this long are removed, once a day at most.
const (
	cacheMaxAge     = 30 * 24 * time.Hour
	cachePruneEvery = 24 * time.Hour
)

// cache opens the cache of analysed files, or returns nil with --no-cache. A cache that
// cannot be opened is reported and done without: it only saves time.
func (s *scanFlags) cache(log *slog.Logger) *cache.Store {
	if s.noCache {
		return nil
	}
	dir := s.cacheDir
	if dir == "" {
		dir = os.Getenv(envCacheDir)
	}
	if dir == "" {
		var err error
		if dir, err = cache.DefaultDir(); err != nil {
			log.Warn("analysing without a cache", "error", err)
			return nil
		}
	}
	store, err := cache.Open(dir)
	if err != nil {
		log.Warn("analysing without a cache", "error", err)
		return nil
	}
	if _, err := store.PruneIfDue(cacheMaxAge, cachePruneEvery); err != nil {
		log.Debug("cache not pruned", "error", err)
	}
	return store
}

func (s *scanFlags) workspace() workspace.Options {
	return workspace.Options{
		MaxFileSize:     s.maxFileSize,
		IncludeTests:    s.includeTests,
		IncludeFrontend: s.includeFrontend,
		Exclude:         s.cfg.Exclude,
		Include:         s.cfg.Include,
	}
}

// threshold is the --fail-on severity; zero means never fail.
type threshold struct{ min rule.Severity }

func (t *threshold) String() string {
	if t.min == 0 {
		return "none"
	}
	return t.min.String()
}

func (t *threshold) Set(s string) error {
	if strings.EqualFold(s, "none") {
		t.min = 0
		return nil
	}
	sev, err := rule.ParseSeverity(s)
	if err != nil {
		return fmt.Errorf("want critical, high, medium, low or none")
	}
	t.min = sev
	return nil
}

// count returns how many severities reach the threshold.
func (t *threshold) count(sevs []rule.Severity) int {
	if t.min == 0 {
		return 0
	}
	n := 0
	for _, s := range sevs {
		if s >= t.min {
			n++
		}
	}
	return n
}

// parsePath parses the flags and returns the single PATH argument, "." by default.
func parsePath(fs *flag.FlagSet, args []string) (string, error) {
	positional, err := parse(fs, args)
	if err != nil {
		return "", err
	}
	switch len(positional) {
	case 0:
		return ".", nil
	case 1:
		return positional[0], nil
	}
	return "", fmt.Errorf("expected one PATH, got %d: %s", len(positional),
		strings.Join(positional, " "))
}
