// Package osvdb keeps a local copy of OSV advisories, one archive per ecosystem, laid out
// like OSV's public bucket: BASE/<ecosystem>/all.zip. Scans read the copy and never need
// the network; Update replaces it atomically, so an interrupted or corrupt download never
// leaves a broken database behind.
package osvdb

import (
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// DefaultSource is OSV's public bucket.
const DefaultSource = "https://osv-vulnerabilities.storage.googleapis.com"

// Ecosystems are the OSV ecosystems whose archives Update fetches by default.
var Ecosystems = []string{"npm", "Go", "PyPI", "Maven", "Packagist", "RubyGems", "crates.io"}

// archiveName and metaName are the files kept per ecosystem.
const (
	archiveName = "all.zip"
	metaName    = "meta.json"
)

// DefaultDir returns the database directory under the user's cache directory.
func DefaultDir() (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory for the advisory database: %w", err)
	}
	return filepath.Join(cache, "rampart", "osv"), nil
}

// Meta describes one ecosystem's archive as it was fetched.
type Meta struct {
	Ecosystem  string    `json:"ecosystem"`
	Source     string    `json:"source"`
	FetchedAt  time.Time `json:"fetched_at"`
	Size       int64     `json:"size"`
	SHA256     string    `json:"sha256"`
	Advisories int       `json:"advisories"`
}

// Progress is told how many bytes of an ecosystem's archive have arrived, and of how
// many (-1 when the server does not say).
type Progress func(ecosystem string, done, total int64)

// Updater fetches archives into a database directory.
type Updater struct {
	Dir      string
	Source   string // base URL; "" means DefaultSource
	Client   *http.Client
	Progress Progress
	// Now is the clock the metadata records; nil means time.Now.
	Now func() time.Time
}

// Update fetches each ecosystem's archive and, once it is whole and readable, puts it in
// place of the old one. An ecosystem that fails keeps its previous archive; the error
// names every failure.
func (u *Updater) Update(ctx context.Context, ecosystems []string) error {
	var errs []error
	for _, eco := range ecosystems {
		if err := u.updateOne(ctx, eco); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", eco, err))
		}
	}
	return errors.Join(errs...)
}

func (u *Updater) updateOne(ctx context.Context, eco string) error {
	if eco == "" || strings.ContainsAny(eco, `/\`) || eco == "." || eco == ".." {
		return fmt.Errorf("invalid ecosystem name %q", eco)
	}
	dir := filepath.Join(u.Dir, eco)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".download-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}

	meta, err := u.download(ctx, eco, tmp)
	if err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	ix, err := buildIndex(tmp.Name(), eco)
	if err != nil {
		return fmt.Errorf("the downloaded archive is not usable: %w", err)
	}
	meta.Advisories = ix.Entries
	return install(dir, tmp.Name(), ix, meta)
}

// download streams the archive into w, checking its length and, when the server sends
// one, its MD5 digest (x-goog-hash, as Google Cloud Storage does).
func (u *Updater) download(ctx context.Context, eco string, w io.Writer) (*Meta, error) {
	source := strings.TrimSuffix(u.source(), "/")
	url := source + "/" + eco + "/" + archiveName
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	client := u.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("download: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download %s: %s", url, resp.Status)
	}

	sum, md := sha256.New(), md5.New()
	body := io.TeeReader(resp.Body, io.MultiWriter(sum, md))
	n, err := copyWithProgress(w, body, resp.ContentLength, func(done int64) {
		if u.Progress != nil {
			u.Progress(eco, done, resp.ContentLength)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("download interrupted after %d bytes: %w", n, err)
	}
	if resp.ContentLength >= 0 && n != resp.ContentLength {
		return nil, fmt.Errorf("download interrupted: %d of %d bytes", n, resp.ContentLength)
	}
	if err := checkMD5(resp.Header.Values("X-Goog-Hash"), md); err != nil {
		return nil, err
	}
	return &Meta{Ecosystem: eco, Source: source, FetchedAt: u.now().UTC(), Size: n,
		SHA256: hex.EncodeToString(sum.Sum(nil))}, nil
}

func (u *Updater) source() string {
	if u.Source == "" {
		return DefaultSource
	}
	return u.Source
}

func (u *Updater) now() time.Time {
	if u.Now == nil {
		return time.Now()
	}
	return u.Now()
}

func copyWithProgress(w io.Writer, r io.Reader, total int64, report func(int64)) (int64, error) {
	buf := make([]byte, 256<<10)
	var done int64
	for {
		n, err := r.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return done, werr
			}
			done += int64(n)
			report(done)
		}
		if err == io.EOF {
			return done, nil
		}
		if err != nil {
			return done, err
		}
	}
}

// checkMD5 compares the md5= part of x-goog-hash headers with the digest of the body.
func checkMD5(headers []string, md hash.Hash) error {
	for _, h := range headers {
		for part := range strings.SplitSeq(h, ",") {
			want, ok := strings.CutPrefix(strings.TrimSpace(part), "md5=")
			if !ok {
				continue
			}
			got := base64.StdEncoding.EncodeToString(md.Sum(nil))
			if got != want {
				return fmt.Errorf("checksum mismatch: md5 %s, the server says %s", got, want)
			}
			return nil
		}
	}
	return nil
}

// install renames the archive into place, then writes its index and its metadata the
// same way: a reader sees whole files only, and an index that does not match the archive
// beside it is not used.
func install(dir, archive string, ix *nameIndex, meta *Meta) error {
	if err := os.Rename(archive, filepath.Join(dir, archiveName)); err != nil {
		return err
	}
	if err := writeJSON(dir, indexName, ix, ""); err != nil {
		return err
	}
	return writeJSON(dir, metaName, meta, "  ")
}

// writeJSON writes v to dir/name through a temporary file and a rename.
func writeJSON(dir, name string, v any, indent string) error {
	data, err := json.MarshalIndent(v, "", indent)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".write-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	// Readable by all, as os.WriteFile would leave it: the cache may be shared.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, name))
}

// Status returns the metadata of each ecosystem present in dir, in name order.
func Status(dir string) ([]Meta, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Meta
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name(), metaName))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var m Meta
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(e.Name(), metaName), err)
		}
		out = append(out, m)
	}
	return out, nil
}
