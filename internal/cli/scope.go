package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/report"
	"github.com/rampart-sec/rampart/internal/scan"
	"github.com/rampart-sec/rampart/internal/scope"
)

// changes returns the change to review, or nil for the whole tree with a note saying
// why when that is not what was asked. byDefault says whether the command reviews a change
// when no scope flag is given (review does, scan does not).
func (s *scanFlags) changes(e *env, root string, byDefault bool) (*scope.Changes, string, error) {
	if err := s.checkScopeFlags(); err != nil {
		return nil, "", err
	}
	switch {
	case s.all:
		return nil, "", nil
	case s.diff != "":
		c, err := readDiff(e, s.diff, scope.Prefix(e.ctx, root))
		return c, "", err
	case !byDefault && s.base == "" && !s.staged:
		return nil, "", nil
	}
	c, err := scope.FromGit(e.ctx, root, scope.GitOptions{Base: s.base, Staged: s.staged})
	switch {
	case errors.Is(err, scope.ErrNotRepository) && s.base == "" && !s.staged:
		return nil, "not a git repository, so the whole tree is reviewed", nil
	case errors.Is(err, scope.ErrNoCommits) && s.base == "" && !s.staged:
		return nil, "the repository has no commits yet, so the whole tree is reviewed", nil
	case err != nil:
		return nil, "", err
	}
	return c, "", nil
}

// checkScopeFlags refuses combinations that ask for two scopes at once.
func (s *scanFlags) checkScopeFlags() error {
	n := 0
	for _, set := range []bool{s.all, s.base != "", s.diff != "", s.staged} {
		if set {
			n++
		}
	}
	if n > 1 {
		return errors.New("--all, --base, --diff and --staged choose the scope: give one")
	}
	return nil
}

// readDiff reads a unified diff whose paths are relative to the top of the repository;
// prefix is the reviewed root's place in it.
func readDiff(e *env, path, prefix string) (*scope.Changes, error) {
	r, base := e.stdin, "a diff on standard input"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("read diff: %w", err)
		}
		defer f.Close()
		r, base = io.Reader(f), "the diff in "+path
	}
	c, err := scope.ParseDiff(r, prefix)
	if err != nil {
		return nil, err
	}
	c.Base = base
	return c, nil
}

// applyScope narrows a review to the change and records what the scope was. It returns
// the suppressed findings of the scope.
func applyScope(rev *report.Review, res *scan.Result, c *scope.Changes,
	note string) []finding.Finding {
	if c == nil {
		rev.Scope.Note = note
		return res.Suppressed
	}
	suppressed, _, _ := scope.Filter(c, res.Suppressed, nil)
	rev.Findings, rev.Positives, rev.Scope.OutOfScope = scope.Filter(c, rev.Findings,
		rev.Positives)
	rev.Scope.Mode = "diff"
	rev.Scope.Base = c.Base
	rev.Scope.Commits = c.Commits
	for _, f := range res.Reviewed {
		if c.Touches(f) {
			rev.Scope.ChangedFiles++
		}
	}
	for _, f := range res.Config {
		if c.Touches(f) {
			rev.Scope.ChangedConfig++
		}
	}
	return suppressed
}
