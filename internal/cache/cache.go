// Package cache keeps the analysis of files between runs, so that a second review of a
// repository analyses only what changed. Entries are addressed by a key that hashes
// everything the analysis depends on (the file's path and content, and the rampart
// build that analysed it), so an entry is never stale: a changed input is a new key.
//
// The entries of one reviewed tree live in one pack file, which a run reads and then
// replaces with a pack of the entries it used: writing thousands of small files cost
// more than the analyses they saved. A pack is written to a temporary file and renamed
// into place, so concurrent runs each see a whole pack (the last to finish wins), and
// every entry and the index carry a checksum, so damage (a full disk, a crash, a hand
// edit) makes misses, never wrong results.
package cache

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Key addresses one entry.
type Key [sha256.Size]byte

// NewKey hashes parts into a key. Each part is length-prefixed, so ("ab", "c") and
// ("a", "bc") give different keys.
func NewKey(parts ...[]byte) Key {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	for _, p := range parts {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(p)))])
		h.Write(p)
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// String returns the key in hexadecimal.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Store is a cache directory.
type Store struct {
	dir string
}

// DefaultDir is rampart/analysis under the user's cache directory (~/.cache on Linux).
func DefaultDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no user cache directory: %w", err)
	}
	return filepath.Join(base, "rampart", "analysis"), nil
}

// Open returns the store in dir, creating the directory if needed.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open cache: %w", err)
	}
	return &Store{dir: dir}, nil
}

// Dir returns the store's directory.
func (s *Store) Dir() string { return s.dir }

// packPath names the pack of a reviewed tree.
func (s *Store) packPath(tree string) string {
	sum := sha256.Sum256([]byte(tree))
	return filepath.Join(s.dir, hex.EncodeToString(sum[:12])+packExt)
}

const (
	packExt   = ".pack"
	tmpPrefix = ".tmp-"
)

// Session is one run's use of the pack of a tree: it reads the entries the last run
// left and writes the pack the next run reads. Its methods are safe for concurrent use.
type Session struct {
	path string
	old  *pack // nil when there was none, or it was damaged

	mu      sync.Mutex
	tmp     *os.File
	w       *bufio.Writer
	offset  int64
	written map[Key]span
	err     error
}

// Session starts a run over tree, an absolute path that tells reviewed trees apart.
func (s *Store) Session(tree string) (*Session, error) {
	path := s.packPath(tree)
	tmp, err := os.CreateTemp(s.dir, tmpPrefix+"*"+packExt)
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	ss := &Session{path: path, tmp: tmp, w: bufio.NewWriterSize(tmp, 1<<20),
		written: make(map[Key]span)}
	ss.old, _ = openPack(path) // a missing or damaged pack is an empty cache
	ss.write(packMagic)
	return ss, nil
}

// Get returns the entry for k, or false when there is none or it is damaged. An entry
// that is found is kept for the next run.
func (s *Session) Get(k Key) ([]byte, bool) {
	if s.old == nil {
		return nil, false
	}
	data, ok := s.old.get(k)
	if ok {
		s.Put(k, data)
	}
	return data, ok
}

// Put stores data under k for the next run.
func (s *Session) Put(k Key, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.written[k]; dup || s.err != nil {
		return
	}
	at := s.offset
	s.write(binary.LittleEndian.AppendUint32(nil, crc32.Checksum(data, castagnoli)))
	s.write(data)
	s.written[k] = span{offset: at, length: uint32(len(data))}
}

// write appends to the new pack; the first error stops the writing and is Close's.
func (s *Session) write(b []byte) {
	if s.err != nil {
		return
	}
	n, err := s.w.Write(b)
	s.offset += int64(n)
	s.err = err
}

// Close writes the new pack's index and puts the pack in place of the old one. After
// an error the old pack stays.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.old != nil {
		s.old.f.Close()
	}
	s.write(encodeIndex(s.written, s.offset))
	err := s.err
	if err == nil {
		err = s.w.Flush()
	}
	if cerr := s.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(s.tmp.Name(), s.path)
	}
	if err != nil {
		_ = os.Remove(s.tmp.Name())
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// tmpAge is how old a temporary pack must be before Prune takes it for one a killed run
// left behind; no run takes a day.
const tmpAge = 24 * time.Hour

// Prune removes the packs not written for longer than age (trees no longer reviewed),
// and temporary files a killed run left behind, and returns how many it removed.
func (s *Store) Prune(age time.Duration) (int, error) {
	cutoff, tmpCutoff := time.Now().Add(-age), time.Now().Add(-min(age, tmpAge))
	removed := 0
	err := filepath.WalkDir(s.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || !d.Type().IsRegular() || d.Name() == pruneMark {
			return nil
		}
		limit := cutoff
		if strings.HasPrefix(d.Name(), tmpPrefix) {
			limit = tmpCutoff
		}
		info, err := d.Info()
		if err == nil && info.ModTime().Before(limit) && os.Remove(path) == nil {
			removed++
		}
		return nil
	})
	if err != nil {
		return removed, fmt.Errorf("prune cache: %w", err)
	}
	return removed, nil
}

// pruneMark is the file whose time says when the store was last pruned.
const pruneMark = "last-pruned"

// PruneIfDue prunes entries older than age, at most once every interval, so that a
// cache used every day does not grow without end and a run does not walk it each time.
func (s *Store) PruneIfDue(age, interval time.Duration) (int, error) {
	mark := filepath.Join(s.dir, pruneMark)
	if info, err := os.Stat(mark); err == nil && time.Since(info.ModTime()) < interval {
		return 0, nil
	}
	if err := os.WriteFile(mark, nil, 0o600); err != nil {
		return 0, fmt.Errorf("prune cache: %w", err)
	}
	return s.Prune(age)
}
