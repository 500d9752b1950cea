package cli

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReviewsUseTheCacheUnlessTold(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	args := []string{"review", example, "--all", "--id", "CACHE-1", "--out", "-"}

	_, uncached, _ := run(t, append(args, "--no-cache", "--cache-dir", dir)...)
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("--no-cache touched the cache directory: %v", err)
	}

	code, first, stderr := run(t, append(args, "--cache-dir", dir)...)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if packs, _ := filepath.Glob(filepath.Join(dir, "*.pack")); len(packs) != 1 {
		t.Fatalf("cache packs %v, want one", packs)
	}
	_, second, _ := run(t, append(args, "--cache-dir", dir)...)
	if first != uncached || second != uncached {
		t.Error("reviews with the cache differ from the review without it")
	}

	t.Setenv(envCacheDir, filepath.Join(t.TempDir(), "env-cache"))
	run(t, args...)
	packs, _ := filepath.Glob(filepath.Join(os.Getenv(envCacheDir), "*.pack"))
	if len(packs) == 0 {
		t.Errorf("%s was not used", envCacheDir)
	}
}
