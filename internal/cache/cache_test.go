package cache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func store(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "cache"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func session(t *testing.T, s *Store, tree string) *Session {
	t.Helper()
	ss, err := s.Session(tree)
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

func closeSession(t *testing.T, ss *Session) {
	t.Helper()
	if err := ss.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestEntriesLastFromOneRunToTheNext(t *testing.T) {
	s := store(t)
	a, b := NewKey([]byte("src/a.js"), []byte("1")), NewKey([]byte("src/b.js"), []byte("1"))

	run := session(t, s, "/repo")
	if _, ok := run.Get(a); ok {
		t.Fatal("an empty store had an entry")
	}
	run.Put(a, []byte("analysis of a"))
	run.Put(b, []byte("analysis of b"))
	closeSession(t, run)

	// The second run uses a only: b is not carried into the pack the third run reads.
	run = session(t, s, "/repo")
	if got, ok := run.Get(a); !ok || string(got) != "analysis of a" {
		t.Fatalf("Get(a) = %q, %v", got, ok)
	}
	closeSession(t, run)
	run = session(t, s, "/repo")
	_, okA := run.Get(a)
	_, okB := run.Get(b)
	closeSession(t, run)
	if !okA || okB {
		t.Errorf("third run: a %v (want true), b %v (want false)", okA, okB)
	}

	if other := session(t, s, "/other"); other.old != nil {
		t.Error("another tree read this tree's pack")
	}
}

func TestKeysSeparateTheirParts(t *testing.T) {
	if NewKey([]byte("ab"), []byte("c")) == NewKey([]byte("a"), []byte("bc")) {
		t.Error("parts run into each other")
	}
	first, again := NewKey([]byte("a")), NewKey([]byte("a"))
	if first != again {
		t.Error("keys are not stable")
	}
}

// TestDamageMakesMisses damages a pack at every byte in turn: each entry is then its
// own value or a miss, never anything else.
func TestDamageMakesMisses(t *testing.T) {
	s := store(t)
	keys := []Key{NewKey([]byte("a")), NewKey([]byte("b"))}
	values := [][]byte{[]byte("first analysis"), []byte("second analysis")}
	run := session(t, s, "/repo")
	for i, k := range keys {
		run.Put(k, values[i])
	}
	closeSession(t, run)
	path := s.packPath("/repo")
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	for i := range good {
		bad := bytes.Clone(good)
		bad[i] ^= 0x55
		if err := os.WriteFile(path, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		run := session(t, s, "/repo")
		for j, k := range keys {
			if got, ok := run.Get(k); ok && !bytes.Equal(got, values[j]) {
				t.Fatalf("byte %d damaged: entry %d read as %q", i, j, got)
			}
		}
		run.tmp.Close()
		os.Remove(run.tmp.Name())
	}
	for _, cut := range []int{0, 5, len(good) - 1} {
		if err := os.WriteFile(path, good[:cut], 0o600); err != nil {
			t.Fatal(err)
		}
		if run := session(t, s, "/repo"); run.old != nil {
			t.Errorf("a pack cut to %d bytes was opened", cut)
		}
	}
}

// TestConcurrentRunsShareTheStore runs sessions of the same tree side by side: each
// finishes, and the pack left is one of theirs, whole.
func TestConcurrentRunsShareTheStore(t *testing.T) {
	s := store(t)
	value := func(k, run int) []byte {
		return bytes.Repeat([]byte(fmt.Sprintf("key %d run %d;", k, run)), 500)
	}
	var wg sync.WaitGroup
	for r := range 4 {
		wg.Go(func() {
			run, err := s.Session("/repo")
			if err != nil {
				t.Error(err)
				return
			}
			for k := range 20 {
				run.Put(NewKey([]byte{byte(k)}), value(k, r))
			}
			if err := run.Close(); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()

	run := session(t, s, "/repo")
	defer closeSession(t, run)
	winner := -1
	for k := range 20 {
		got, ok := run.Get(NewKey([]byte{byte(k)}))
		if !ok {
			t.Fatalf("key %d missing", k)
		}
		for r := range 4 {
			if bytes.Equal(got, value(k, r)) && (winner == -1 || winner == r) {
				winner = r
			}
		}
		if winner == -1 || !bytes.Equal(got, value(k, winner)) {
			t.Fatalf("key %d: entries of several runs mixed", k)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(s.dir, ".tmp-*")); len(leftovers) > 1 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestPruneRemovesOldPacksOnly(t *testing.T) {
	s := store(t)
	for _, tree := range []string{"/old", "/fresh"} {
		run := session(t, s, tree)
		run.Put(NewKey([]byte(tree)), []byte("x"))
		closeSession(t, run)
	}
	month := time.Now().Add(-31 * 24 * time.Hour)
	if err := os.Chtimes(s.packPath("/old"), month, month); err != nil {
		t.Fatal(err)
	}
	// A killed run's temporary pack goes after a day; a running one's stays.
	left, running := session(t, s, "/killed"), session(t, s, "/running")
	defer closeSession(t, running)
	twoDays := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(left.tmp.Name(), twoDays, twoDays); err != nil {
		t.Fatal(err)
	}

	n, err := s.PruneIfDue(30*24*time.Hour, time.Hour)
	if err != nil || n != 2 {
		t.Fatalf("pruned %d, %v; want 2 (the old pack, the left temporary file)", n, err)
	}
	if _, err := os.Stat(running.tmp.Name()); err != nil {
		t.Errorf("a running session's temporary pack was pruned: %v", err)
	}
	if _, err := os.Stat(s.packPath("/old")); !os.IsNotExist(err) {
		t.Error("the old pack survived")
	}
	if _, err := os.Stat(s.packPath("/fresh")); err != nil {
		t.Error("the fresh pack was pruned")
	}
	if n, _ := s.PruneIfDue(0, time.Hour); n != 0 {
		t.Errorf("pruned again within the interval: %d", n)
	}
}
