package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// maxIDLength bounds a review ID so that the file name stays well under file system
// limits.
const maxIDLength = 64

var (
	validID   = regexp.MustCompile(`^[A-Za-z0-9_-][A-Za-z0-9._-]*$`)
	ticketKey = regexp.MustCompile(`(?:^|[^A-Za-z0-9])([A-Z][A-Z0-9]+-[0-9]+)(?:[^0-9]|$)`)
)

// checkID refuses IDs that could name a path outside ai/reviews/: only letters, digits,
// '-', '_' and '.', not starting with '.', at most maxIDLength characters.
func checkID(id string) error {
	switch {
	case id == "":
		return errors.New("the review ID is empty")
	case len(id) > maxIDLength:
		return fmt.Errorf("review ID %.20q… is %d characters long; at most %d are allowed",
			id, len(id), maxIDLength)
	case !validID.MatchString(id):
		return fmt.Errorf("review ID %q is not allowed: use letters, digits, '-', '_' and "+
			"'.', not starting with '.'", id)
	}
	return nil
}

// idFromBranch returns the ticket key in the current git branch's name, such as PAY-142
// in feature/PAY-142-refunds, reading .git/HEAD directly rather than running git in the
// reviewed repository.
func idFromBranch(root string) (string, error) {
	branch, err := currentBranch(root)
	if err != nil {
		return "", err
	}
	m := ticketKey.FindStringSubmatch(branch)
	if m == nil {
		return "", fmt.Errorf("branch %q holds no ticket key such as PAY-142", branch)
	}
	return m[1], nil
}

// currentBranch finds the repository holding root and returns its checked-out branch.
func currentBranch(root string) (string, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		head, err := readHead(filepath.Join(dir, ".git"))
		if err == nil {
			return branchFromHead(head)
		}
		if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		if filepath.Dir(dir) == dir {
			return "", errors.New("not inside a git repository")
		}
	}
}

// readHead reads HEAD from a .git directory, or from the directory a .git file points to
// (worktrees and submodules).
func readHead(gitPath string) ([]byte, error) {
	info, err := os.Stat(gitPath)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		link, err := os.ReadFile(gitPath)
		if err != nil {
			return nil, err
		}
		target, ok := bytes.CutPrefix(bytes.TrimSpace(link), []byte("gitdir: "))
		if !ok {
			return nil, fmt.Errorf("%s: not a gitdir link", gitPath)
		}
		dir := string(target)
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(filepath.Dir(gitPath), dir)
		}
		gitPath = dir
	}
	return os.ReadFile(filepath.Join(gitPath, "HEAD"))
}

func branchFromHead(head []byte) (string, error) {
	ref, ok := strings.CutPrefix(strings.TrimSpace(string(head)), "ref: refs/heads/")
	if !ok {
		return "", errors.New("HEAD is detached, so there is no branch name")
	}
	return ref, nil
}
