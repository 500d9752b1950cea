package workspace

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

const (
	reasonIgnored  = "ignored by .gitignore"
	reasonExcluded = "excluded by the configuration"
)

// walkRoot reads the repository's own excludes, which rank below every .gitignore, then
// walks the tree. Only an unreadable root is an error.
func (w *walker) walkRoot() error {
	exclude := filepath.Join(w.root, ".git", "info", "exclude")
	patterns := w.readPatterns(exclude, ".git/info/exclude", nil)
	return w.walkDir(w.root, nil, patterns)
}

// walkDir visits the entries of the directory at abs, whose path below the root is parts.
// inherited holds the patterns of the directories above, lowest priority first.
func (w *walker) walkDir(abs string, parts []string, inherited []gitignore.Pattern) error {
	entries, err := os.ReadDir(abs)
	if err != nil {
		return err
	}

	patterns := slices.Clip(inherited)
	if ignoreFileIn(entries) {
		rel := strings.Join(append(slices.Clip(parts), ".gitignore"), "/")
		patterns = append(patterns, w.readPatterns(filepath.Join(abs, ".gitignore"), rel, parts)...)
	}
	ignored := gitignore.NewMatcher(patterns)

	for _, e := range entries {
		child := append(slices.Clip(parts), e.Name())
		childAbs := filepath.Join(abs, e.Name())
		if e.IsDir() {
			w.visitDir(childAbs, child, ignored, patterns)
		} else {
			w.visitFile(childAbs, child, e, ignored)
		}
	}
	return nil
}

// visitDir passes over a whole directory when a rule says so, and walks it otherwise.
func (w *walker) visitDir(abs string, parts []string, ignored gitignore.Matcher,
	patterns []gitignore.Pattern) {
	rel := strings.Join(parts, "/")
	name := parts[len(parts)-1]
	forced := matches(w.include, parts, true)
	switch {
	case matches(w.exclude, parts, true):
		w.skipDir(rel, reasonExcluded)
		return
	case builtinDirs[name] != "" && !forced:
		w.skipDir(rel, builtinDirs[name])
		return
	case ignored.Match(parts, true):
		w.skipDir(rel, reasonIgnored)
		return
	case !w.opt.IncludeTests && testDirs[name] && !forced:
		w.skipDir(rel, reasonTest)
		return
	}

	if err := w.walkDir(abs, parts, patterns); err != nil {
		w.skipDir(rel, unreadable(err))
	}
}

// ignoreFileIn looks in the listing rather than trying to open a .gitignore in every
// directory. A symbolic link is not followed, as git itself refuses to.
func ignoreFileIn(entries []fs.DirEntry) bool {
	i := slices.IndexFunc(entries, func(e fs.DirEntry) bool { return e.Name() == ".gitignore" })
	return i >= 0 && entries[i].Type().IsRegular()
}

// readPatterns parses the ignore file at abs, whose patterns apply below domain.
func (w *walker) readPatterns(abs, rel string, domain []string) []gitignore.Pattern {
	data := w.readIgnoreFile(abs, rel)

	var patterns []gitignore.Pattern
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for line := range bytes.Lines(data) {
		s := strings.TrimRight(string(line), "\r\n")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		patterns = append(patterns, gitignore.ParsePattern(s, domain))
	}
	return patterns
}

// readIgnoreFile reads an ignore file under the rules for source files: no listing vets
// .git/info/exclude, which may be a FIFO, whose opening blocks, or a link to /dev/zero. A
// missing file reads as empty; any other trouble is listed, since the patterns may change
// what is reviewed.
func (w *walker) readIgnoreFile(abs, rel string) []byte {
	info, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		return nil // ENOTDIR: .git is a file in a worktree or submodule
	case err != nil:
		w.skip(rel, unreadable(err))
		return nil
	}
	if reason := modeReason(info.Mode()); reason != "" {
		w.skip(rel, reason)
		return nil
	}

	tooBig := "larger than " + formatSize(w.limit)
	if info.Size() > w.limit {
		w.skip(rel, tooBig)
		return nil
	}
	data, err := readFile(abs, info.Size(), w.limit)
	switch {
	case err != nil:
		w.skip(rel, unreadable(err))
		return nil
	case int64(len(data)) > w.limit:
		w.skip(rel, tooBig)
		return nil
	}
	return data
}
