// Package cache keeps the analysis of files between runs, so that a second review of a
// repository analyses only what changed. Entries are addressed by a key that hashes
// everything the analysis depends on (the file's path and content, and the rampart
// build that analysed it), so an entry is never stale: a changed input is a new key.
//
// The store is safe to share between concurrent runs and against damage. An entry is
// written to a temporary file and renamed into place, so a reader sees a whole entry
// or none; every entry carries a checksum of its content, and one that does not match
// (a disk full, a crash mid-write, a hand edit) is a miss, removed so that the next run
// writes it again.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// magic opens every entry; its last byte is the layout version.
var magic = []byte("rampart cache\x02")

// castagnoli is the CRC-32C table. The checksum guards against damage, not against an
// attacker (who could write the cache could write the binary), and CRC-32C is computed
// in hardware at several GB/s: a second scan reads every entry.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

const sumSize = 4

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

// path spreads entries over 256 directories, so that none grows too large to list.
func (s *Store) path(k Key) string {
	name := k.String()
	return filepath.Join(s.dir, name[:2], name[2:])
}

// Get returns the entry for k, or false when there is none or it is damaged.
func (s *Store) Get(k Key) ([]byte, bool) {
	path := s.path(k)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	body, ok := open(data)
	if !ok {
		_ = os.Remove(path) // damaged: the next Put writes it again
		return nil, false
	}
	return body, true
}

// open checks an entry's frame and returns its content.
func open(data []byte) ([]byte, bool) {
	if !bytes.HasPrefix(data, magic) || len(data) < len(magic)+sumSize {
		return nil, false
	}
	sum, body := data[len(magic):len(magic)+sumSize], data[len(magic)+sumSize:]
	return body, binary.LittleEndian.Uint32(sum) == crc32.Checksum(body, castagnoli)
}

// Put stores data under k. Two runs putting the same key at once both succeed; the
// entry is one of theirs, whole.
func (s *Store) Put(k Key, data []byte) error {
	path := s.path(k)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cache put: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache put: %w", err)
	}
	sum := binary.LittleEndian.AppendUint32(nil, crc32.Checksum(data, castagnoli))
	_, err = tmp.Write(slices.Concat(magic, sum, data))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("cache put: %w", err)
	}
	return nil
}

// Prune removes the entries not written for longer than age, and temporary files that
// a killed run left behind, and returns how many it removed.
func (s *Store) Prune(age time.Duration) (int, error) {
	cutoff := time.Now().Add(-age)
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
		info, err := d.Info()
		if err == nil && info.ModTime().Before(cutoff) && os.Remove(path) == nil {
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
