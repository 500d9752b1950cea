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

func TestPutThenGet(t *testing.T) {
	s := store(t)
	k := NewKey([]byte("src/a.js"), []byte("content"))
	if _, ok := s.Get(k); ok {
		t.Fatal("an empty store had an entry")
	}
	if err := s.Put(k, []byte("analysis")); err != nil {
		t.Fatal(err)
	}
	got, ok := s.Get(k)
	if !ok || string(got) != "analysis" {
		t.Fatalf("Get = %q, %v", got, ok)
	}
}

func TestKeysSeparateTheirParts(t *testing.T) {
	if NewKey([]byte("ab"), []byte("c")) == NewKey([]byte("a"), []byte("bc")) {
		t.Error("parts run into each other")
	}
	if NewKey([]byte("a")) != NewKey([]byte("a")) {
		t.Error("keys are not stable")
	}
}

func TestDamagedEntriesAreMissesAndRemoved(t *testing.T) {
	for name, damage := range map[string]func([]byte) []byte{
		"flipped byte": func(b []byte) []byte { b[len(b)-1] ^= 1; return b },
		"truncated":    func(b []byte) []byte { return b[:len(b)-3] },
		"empty":        func([]byte) []byte { return nil },
		"foreign":      func(b []byte) []byte { return []byte("{}") },
	} {
		t.Run(name, func(t *testing.T) {
			s := store(t)
			k := NewKey([]byte(name))
			if err := s.Put(k, []byte("a long enough analysis")); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(s.path(k))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(s.path(k), damage(data), 0o600); err != nil {
				t.Fatal(err)
			}
			if got, ok := s.Get(k); ok {
				t.Fatalf("a damaged entry was read: %q", got)
			}
			if _, err := os.Stat(s.path(k)); !os.IsNotExist(err) {
				t.Errorf("the damaged entry is still there: %v", err)
			}
		})
	}
}

// TestConcurrentRunsShareTheStore has writers put the same keys while readers read
// them: every read is a miss or a whole entry, never a part of one.
func TestConcurrentRunsShareTheStore(t *testing.T) {
	s := store(t)
	value := func(k, writer int) []byte {
		return bytes.Repeat([]byte(fmt.Sprintf("key %d writer %d;", k, writer)), 2000)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for k := range 20 {
				if err := s.Put(NewKey([]byte{byte(k)}), value(k, w)); err != nil {
					t.Error(err)
				}
			}
		})
		wg.Go(func() {
			for range 5 {
				for k := range 20 {
					got, ok := s.Get(NewKey([]byte{byte(k)}))
					if !ok {
						continue
					}
					whole := false
					for w := range 4 {
						whole = whole || bytes.Equal(got, value(k, w))
					}
					if !whole {
						t.Errorf("key %d: read a mixed or partial entry", k)
					}
				}
			}
		})
	}
	wg.Wait()
	leftovers, _ := filepath.Glob(filepath.Join(s.dir, "*", ".tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestPruneRemovesOldEntriesOnly(t *testing.T) {
	s := store(t)
	old, fresh := NewKey([]byte("old")), NewKey([]byte("fresh"))
	for _, k := range []Key{old, fresh} {
		if err := s.Put(k, []byte("x")); err != nil {
			t.Fatal(err)
		}
	}
	month := time.Now().Add(-31 * 24 * time.Hour)
	if err := os.Chtimes(s.path(old), month, month); err != nil {
		t.Fatal(err)
	}

	n, err := s.PruneIfDue(30*24*time.Hour, time.Hour)
	if err != nil || n != 1 {
		t.Fatalf("pruned %d, %v; want 1", n, err)
	}
	if _, ok := s.Get(old); ok {
		t.Error("the old entry survived")
	}
	if _, ok := s.Get(fresh); !ok {
		t.Error("the fresh entry was pruned")
	}
	if n, _ := s.PruneIfDue(0, time.Hour); n != 0 {
		t.Errorf("pruned again within the interval: %d", n)
	}
}
