package scope

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrNotRepository means the reviewed root is not inside a git work tree.
var ErrNotRepository = errors.New("not inside a git repository")

// ErrNoCommits means the repository has no commit to compare with.
var ErrNoCommits = errors.New("the repository has no commits yet")

// GitOptions choose what a change is compared with.
type GitOptions struct {
	// Base is the ref to compare with; "" means the default branch.
	Base string
	// Staged compares the index with HEAD instead: what the next commit holds.
	Staged bool
}

// FromGit returns the lines the change touches in the repository holding root: against
// the merge base with the base branch (committed, staged and unstaged changes and new
// untracked files), or the staged changes alone.
func FromGit(ctx context.Context, root string, opt GitOptions) (*Changes, error) {
	g := &git{ctx: ctx, dir: dirOf(root)}
	if _, err := g.run("rev-parse", "--show-toplevel"); err != nil {
		return nil, ErrNotRepository
	}
	if opt.Staged {
		// Before the first commit git compares the index with the empty tree, so every
		// staged file is new: what a pre-commit hook sees on a new repository.
		c, err := g.diff("--cached")
		if err == nil {
			c.Base = "the index (staged changes)"
		}
		return c, err
	}
	if _, err := g.run("rev-parse", "--verify", "-q", "HEAD^{commit}"); err != nil {
		return nil, ErrNoCommits
	}
	return g.againstBase(opt.Base)
}

// Prefix returns the reviewed root's path inside its git repository ("services/api/"),
// the prefix a repository-wide diff gives its files; "" outside git or at the top.
func Prefix(ctx context.Context, root string) string {
	g := &git{ctx: ctx, dir: dirOf(root)}
	out, err := g.run("rev-parse", "--show-prefix")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(out)
}

// againstBase diffs the work tree with the merge base of base and HEAD.
func (g *git) againstBase(base string) (*Changes, error) {
	if base == "" {
		b, err := g.defaultBranch()
		if err != nil {
			return nil, err
		}
		base = b
	}
	mergeBase, err := g.run("merge-base", base, "HEAD")
	if err != nil {
		return nil, g.missingBase(base)
	}
	mb := strings.TrimSpace(mergeBase)
	c, err := g.diff(mb)
	if err != nil {
		return nil, err
	}
	if err := g.addUntracked(c); err != nil {
		return nil, err
	}
	c.Base = base + " (merge base " + short(mb) + ")"
	if n, err := g.run("rev-list", "--count", mb+"..HEAD"); err == nil {
		c.Commits, _ = strconv.Atoi(strings.TrimSpace(n))
	}
	return c, nil
}

// defaultBranch finds the branch a change is compared with: origin/HEAD, else main, else
// master.
func (g *git) defaultBranch() (string, error) {
	if ref, err := g.run("symbolic-ref", "-q", "refs/remotes/origin/HEAD"); err == nil {
		return strings.TrimPrefix(strings.TrimSpace(ref), "refs/remotes/"), nil
	}
	for _, b := range []string{"main", "master", "origin/main", "origin/master"} {
		if _, err := g.run("rev-parse", "--verify", "-q", b+"^{commit}"); err == nil {
			return b, nil
		}
	}
	return "", errors.New("no default branch to compare with (origin/HEAD, main, master): " +
		"pass --base REF, or --all to review the whole repository")
}

// missingBase explains a base that cannot be found, which in CI is most often a shallow
// clone.
func (g *git) missingBase(base string) error {
	if out, err := g.run("rev-parse", "--is-shallow-repository"); err == nil &&
		strings.TrimSpace(out) == "true" {
		return fmt.Errorf("base %q is not in this shallow clone: fetch it (git fetch "+
			"--unshallow, or fetch-depth: 0 in CI) or pass --all", base)
	}
	return fmt.Errorf("base %q has no common history with HEAD: check the name, or pass "+
		"--all", base)
}

// diff runs git diff with the arguments and reads its changes, below the reviewed root.
// The prefixes are given because diff.noprefix and diff.mnemonicPrefix in the user's
// configuration would otherwise change the paths that ParseDiff reads.
func (g *git) diff(args ...string) (*Changes, error) {
	full := append([]string{"diff", "--relative", "--no-ext-diff", "--no-textconv",
		"--no-color", "-M", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/"}, args...)
	out, err := g.run(full...)
	if err != nil {
		return nil, err
	}
	return ParseDiff(strings.NewReader(out), "")
}

// addUntracked adds the files git does not track yet: they are wholly new.
func (g *git) addUntracked(c *Changes) error {
	out, err := g.run("ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return err
	}
	for _, p := range strings.Split(out, "\x00") {
		if p != "" && c.Files[p] == nil {
			c.Files[p] = &File{New: true}
		}
	}
	return nil
}

// git runs the git command in a directory. Options keep it from running anything the
// reviewed repository configures (external diff drivers, text conversion, fsmonitor)
// and from writing to it.
type git struct {
	ctx context.Context
	dir string
}

func (g *git) run(args ...string) (string, error) {
	full := append([]string{"-c", "core.quotePath=false", "-c", "core.fsmonitor=false"}, args...)
	cmd := exec.CommandContext(g.ctx, "git", full...)
	cmd.Dir = g.dir
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "GIT_TERMINAL_PROMPT=0",
		"GIT_PAGER=cat", "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", args[0], msg)
	}
	return stdout.String(), nil
}

// dirOf returns the directory of a root that may be a single file.
func dirOf(root string) string {
	if info, err := os.Stat(root); err == nil && !info.IsDir() {
		return filepath.Dir(root)
	}
	return root
}

func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}
