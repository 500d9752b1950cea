package workspace

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// DefaultMaxFileSize is the size limit when Options.MaxFileSize is 0. Hand-written source
// is far smaller; bigger files are bundles or data, and every kept file stays in memory.
const DefaultMaxFileSize = 1 << 20

// MaxManifestSize bounds the lockfiles and manifests read: generated lockfiles of large
// projects run to tens of megabytes, far past the source limit.
const MaxManifestSize = 64 << 20

// Options tunes what Discover reviews. The zero value reviews backend code of every
// language with the default size limit.
type Options struct {
	MaxFileSize     int64    // 0 (or less) means DefaultMaxFileSize
	IncludeTests    bool     // review test code too
	IncludeFrontend bool     // review browser code too
	Languages       []string // languages rampart can review; empty means all of them
	// Others lists extensions (".ejs") of files that are not source but that analyses
	// read, such as view templates; they come back in Result.Others.
	Others []string
	// Config, if set, picks by name the configuration files (.env, YAML, Dockerfile...)
	// that are read for secrets; they come back in Result.Config.
	Config func(name string) bool
	// Manifests, if set, picks by name the lockfiles and package manifests read for the
	// installed packages; they come back in Result.Manifests. It is asked before Config.
	Manifests func(name string) bool
	// Exclude and Include are .gitignore-style patterns from the configuration: paths not
	// to review, and paths to review although a built-in rule (test code, browser code,
	// vendored code) would skip them.
	Exclude []string
	Include []string
}

// File is a source file to review.
type File struct {
	Abs      string // path to open (OS form), within the resolved root
	Rel      string // relative to the root, forward slashes
	Language string
	Content  []byte // read once here; later stages never reopen the file
}

// Skip is a file or directory that is not reviewed, and why.
type Skip struct {
	Rel    string // relative to the root, forward slashes
	Reason string // such as "dependency directory" or "larger than 1 MiB"
	Dir    bool   // Rel is a directory passed over as a whole
}

// Result lists what Discover found; both lists are sorted by Rel.
type Result struct {
	Files   []File
	Skipped []Skip
	// Others are the files of Options.Others, sorted by Rel, Language empty.
	Others []File
	// Config are the files Options.Config picked, sorted by Rel, Language empty.
	Config []File
	// Manifests are the files Options.Manifests picked, sorted by Rel, Language empty.
	Manifests []File
}

// Discover walks root, a directory or a single file, and sorts what it finds into files
// to review and skips. It returns an error only when root itself cannot be used; any
// other trouble (an unreadable file, a symbolic link, a FIFO) becomes a Skip. A root that
// is a single file is reviewed under its base name, with no .gitignore consulted.
func Discover(root string, opt Options) (*Result, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("resolve root %s: %w", root, err)
	}
	abs, err = filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("resolve root: %w", err)
	}
	info, err := os.Lstat(abs)
	if err != nil {
		return nil, fmt.Errorf("stat root: %w", err)
	}

	w := newWalker(abs, opt)
	switch {
	case info.IsDir():
		err = w.walkRoot()
	case info.Mode().IsRegular():
		err = w.reviewFile(abs, filepath.Base(abs), info.Size())
	default:
		return nil, fmt.Errorf("use root %s: not a regular file or directory", root)
	}
	if err != nil {
		return nil, fmt.Errorf("read root: %w", err)
	}

	slices.SortFunc(w.res.Files, func(a, b File) int { return cmp.Compare(a.Rel, b.Rel) })
	slices.SortFunc(w.res.Skipped, func(a, b Skip) int { return cmp.Compare(a.Rel, b.Rel) })
	slices.SortFunc(w.res.Others, func(a, b File) int { return cmp.Compare(a.Rel, b.Rel) })
	slices.SortFunc(w.res.Config, func(a, b File) int { return cmp.Compare(a.Rel, b.Rel) })
	slices.SortFunc(w.res.Manifests, func(a, b File) int { return cmp.Compare(a.Rel, b.Rel) })
	return &w.res, nil
}

// walker carries the options and the growing result through one Discover call.
type walker struct {
	root   string
	opt    Options
	limit  int64
	langs  map[string]bool // nil when every language is reviewed
	others map[string]bool
	// exclude and include match the configured patterns; nil when there are none.
	exclude, include gitignore.Matcher
	res              Result
}

func newWalker(root string, opt Options) *walker {
	w := &walker{root: root, opt: opt, limit: opt.MaxFileSize, others: make(map[string]bool)}
	for _, ext := range opt.Others {
		w.others[ext] = true
	}
	w.exclude, w.include = matcher(opt.Exclude), matcher(opt.Include)
	if w.limit <= 0 {
		w.limit = DefaultMaxFileSize
	}
	if len(opt.Languages) > 0 {
		w.langs = make(map[string]bool, len(opt.Languages))
		for _, l := range opt.Languages {
			w.langs[l] = true
		}
	}
	return w
}

func (w *walker) skip(rel, reason string) {
	w.res.Skipped = append(w.res.Skipped, Skip{Rel: rel, Reason: reason})
}

func (w *walker) skipDir(rel, reason string) {
	w.res.Skipped = append(w.res.Skipped, Skip{Rel: rel, Reason: reason, Dir: true})
}

// matcher compiles configured patterns, which apply from the root.
func matcher(patterns []string) gitignore.Matcher {
	if len(patterns) == 0 {
		return nil
	}
	ps := make([]gitignore.Pattern, len(patterns))
	for i, p := range patterns {
		ps[i] = gitignore.ParsePattern(p, nil)
	}
	return gitignore.NewMatcher(ps)
}

// matches reports whether a configured matcher takes a path.
func matches(m gitignore.Matcher, parts []string, dir bool) bool {
	return m != nil && m.Match(parts, dir)
}
