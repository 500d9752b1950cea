// Package osvdbtest builds small advisory databases for tests, through the same download
// path that `rampart db update` takes.
package osvdbtest

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/md5"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/rampart-sec/rampart/internal/osvdb"
)

// Archive zips the JSON advisories in dir.
func Archive(t testing.TB, dir string) []byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no advisories in %s: %v", dir, err)
	}

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(filepath.Base(f))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Serve starts a mirror laid out like OSV's bucket that serves archives by path
// ("/npm/all.zip"), with the headers the real bucket sends.
func Serve(t testing.TB, archives map[string][]byte) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, ok := archives[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		sum := md5.Sum(data)
		w.Header().Set("X-Goog-Hash", "md5="+base64.StdEncoding.EncodeToString(sum[:]))
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// Install downloads the advisories in srcDir as ecosystem eco into the database dbDir,
// recording fetched as the time of the download.
func Install(t testing.TB, dbDir, eco, srcDir string, fetched time.Time) {
	t.Helper()
	srv := Serve(t, map[string][]byte{"/" + eco + "/all.zip": Archive(t, srcDir)})
	u := &osvdb.Updater{Dir: dbDir, Source: srv.URL, Now: func() time.Time { return fetched }}
	if err := u.Update(context.Background(), []string{eco}); err != nil {
		t.Fatal(err)
	}
}
