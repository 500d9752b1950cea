package scope

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// repo is a git repository in a temporary directory, driven by the real git.
type repo struct {
	t   *testing.T
	dir string
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &repo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *repo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@e",
		"-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = r.dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (r *repo) write(rel, content string) {
	r.t.Helper()
	path := filepath.Join(r.dir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *repo) commit(msg string) {
	r.git("add", "-A")
	r.git("commit", "-q", "-m", msg)
}

func lines(n int) string { return strings.Repeat("x\n", n) }

func TestFeatureBranchAgainstMain(t *testing.T) {
	r := newRepo(t)
	r.write("old.js", lines(5))
	r.write("gone.js", lines(2))
	r.write("moved.js", "a\nb\nc\nd\ne\nf\n")
	r.commit("old code")
	r.git("checkout", "-q", "-b", "feature/PAY-1")
	r.write("old.js", "x\nx\nchanged\nx\nx\n")
	r.write("new route.js", "app.get(1);\napp.get(2);\napp.get(3);\n")
	r.write("café.ts", lines(1))
	r.git("rm", "-q", "gone.js")
	r.git("mv", "moved.js", "renamed.js")
	r.write("renamed.js", "a\nb\nc\nd\ne\nF\n")
	r.write("logo.png", "\x89PNG\x00\x01")
	r.commit("feature")
	r.write("untracked.js", lines(2))

	c, err := FromGit(context.Background(), r.dir, GitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"café.ts", "new route.js", "old.js", "renamed.js", "untracked.js"}
	if got := c.Paths(); !slices.Equal(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
	if !c.Has("old.js", 3) || c.Has("old.js", 2) || !c.Has("renamed.js", 6) ||
		c.Has("renamed.js", 1) || !c.Has("untracked.js", 1) || !c.Has("new route.js", 2) {
		for p, f := range c.Files {
			t.Errorf("%s: %+v", p, *f)
		}
	}
	if c.Commits != 1 || !strings.HasPrefix(c.Base, "main (merge base ") {
		t.Errorf("base %q, commits %d", c.Base, c.Commits)
	}
}

func TestDetachedHeadAndStaged(t *testing.T) {
	r := newRepo(t)
	r.write("a.js", lines(3))
	r.commit("one")
	r.git("checkout", "-q", "-b", "topic")
	r.write("a.js", "x\nnew\nx\n")
	r.commit("two")
	r.git("checkout", "-q", "--detach", "HEAD")

	c, err := FromGit(context.Background(), r.dir, GitOptions{})
	if err != nil || !c.Has("a.js", 2) {
		t.Fatalf("detached HEAD: %v, %+v", err, c)
	}

	r.write("a.js", "x\nnew\nstaged\n")
	r.git("add", "a.js")
	c, err = FromGit(context.Background(), r.dir, GitOptions{Staged: true})
	if err != nil || !c.Has("a.js", 3) || c.Has("a.js", 2) {
		t.Fatalf("staged: %v, %+v", err, c.Files["a.js"])
	}
}

func TestErrorsNameTheProblem(t *testing.T) {
	ctx := context.Background()
	if _, err := FromGit(ctx, t.TempDir(), GitOptions{}); !errors.Is(err, ErrNotRepository) {
		t.Errorf("outside git: %v", err)
	}
	empty := newRepo(t)
	if _, err := FromGit(ctx, empty.dir, GitOptions{}); !errors.Is(err, ErrNoCommits) {
		t.Errorf("no commits: %v", err)
	}
	empty.write("new.js", lines(2))
	empty.git("add", "new.js")
	c, err := FromGit(ctx, empty.dir, GitOptions{Staged: true})
	if err != nil || !c.Files["new.js"].New {
		t.Errorf("staged before the first commit: %v, %+v", err, c)
	}

	r := newRepo(t)
	r.write("a.js", lines(1))
	r.commit("one")
	if _, err := FromGit(context.Background(), r.dir, GitOptions{Base: "nope"}); err == nil ||
		!strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("unknown base: %v", err)
	}
}

func TestShallowCloneWithoutBase(t *testing.T) {
	r := newRepo(t)
	r.write("a.js", lines(1))
	r.commit("one")
	r.write("a.js", lines(2))
	r.commit("two")
	r.git("checkout", "-q", "-b", "feature")
	r.write("a.js", lines(3))
	r.commit("three")

	clone := filepath.Join(t.TempDir(), "clone")
	cmd := exec.Command("git", "clone", "-q", "--depth", "1", "--branch", "feature",
		"file://"+r.dir, clone)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("clone: %v %s", err, out)
	}
	_, err := FromGit(context.Background(), clone, GitOptions{Base: "origin/main"})
	if err == nil || !strings.Contains(err.Error(), "shallow") {
		t.Errorf("error = %v, want one explaining the shallow clone", err)
	}
}

func TestPrefixOfASubdirectory(t *testing.T) {
	r := newRepo(t)
	r.write("services/api/app.js", lines(1))
	r.commit("one")
	sub := filepath.Join(r.dir, "services", "api")
	if p := Prefix(context.Background(), sub); p != "services/api/" {
		t.Errorf("prefix = %q", p)
	}
	if p := Prefix(context.Background(), t.TempDir()); p != "" {
		t.Errorf("outside git: prefix %q", p)
	}
}
