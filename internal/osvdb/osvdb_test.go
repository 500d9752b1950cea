package osvdb

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
	"strings"
	"testing"
	"time"
)

// fixtureArchive zips the advisories under testdata/<eco>, the project's own small
// database.
func fixtureArchive(t *testing.T, eco string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files, err := filepath.Glob(filepath.Join("testdata", eco, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixture advisories for %s: %v", eco, err)
	}
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

// mirror serves archives by path; a handler in handlers takes over a path.
func mirror(t *testing.T, archives map[string][]byte,
	handlers map[string]http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := handlers[r.URL.Path]; ok {
			h(w, r)
			return
		}
		data, ok := archives[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		sum := md5.Sum(data)
		w.Header().Set("X-Goog-Hash", "crc32c=AAAAAA==,md5="+
			base64.StdEncoding.EncodeToString(sum[:]))
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}

var fixedNow = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

func updater(dir, source string) *Updater {
	return &Updater{Dir: dir, Source: source, Now: func() time.Time { return fixedNow }}
}

func TestUpdateInstallsTheArchive(t *testing.T) {
	archive := fixtureArchive(t, "npm")
	srv := mirror(t, map[string][]byte{"/npm/all.zip": archive}, nil)
	dir := t.TempDir()
	u := updater(dir, srv.URL)
	var last, total int64
	u.Progress = func(eco string, done, all int64) { last, total = done, all }

	if err := u.Update(context.Background(), []string{"npm"}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "npm", "all.zip"))
	if err != nil || !bytes.Equal(got, archive) {
		t.Fatalf("installed archive differs: %v", err)
	}
	status, err := Status(dir)
	if err != nil || len(status) != 1 {
		t.Fatalf("status %+v, %v", status, err)
	}
	m := status[0]
	if m.Ecosystem != "npm" || m.Advisories != 2 || m.Size != int64(len(archive)) ||
		m.Source != srv.URL || !m.FetchedAt.Equal(fixedNow) || len(m.SHA256) != 64 {
		t.Errorf("meta %+v", m)
	}
	if last != int64(len(archive)) || total != int64(len(archive)) {
		t.Errorf("progress ended at %d of %d", last, total)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "npm", ".*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// TestFailedUpdatesKeepTheDatabase installs a good archive, then fails to replace it in
// every way a download can fail, and checks each time that the old one is intact.
func TestFailedUpdatesKeepTheDatabase(t *testing.T) {
	good := fixtureArchive(t, "npm")
	dir := t.TempDir()
	ok := mirror(t, map[string][]byte{"/npm/all.zip": good}, nil)
	if err := updater(dir, ok.URL).Update(context.Background(), []string{"npm"}); err != nil {
		t.Fatal(err)
	}
	before, _ := Status(dir)

	truncated := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(good)))
		w.WriteHeader(http.StatusOK)
		w.Write(good[:len(good)/3])
		w.(http.Flusher).Flush()
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}
	badSum := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Goog-Hash", "md5=AAAAAAAAAAAAAAAAAAAAAA==")
		w.Write(good)
	}
	notZip := bytes.Repeat([]byte("not a zip archive "), 100)
	corruptEntry := append([]byte(nil), good...)
	corruptEntry[30+len("GHSA-test-0001.json")+6] ^= 0xff // in the first entry's data

	for _, tc := range []struct {
		name     string
		archives map[string][]byte
		handlers map[string]http.HandlerFunc
		want     string
	}{
		{"interrupted", nil, map[string]http.HandlerFunc{"/npm/all.zip": truncated},
			"interrupted"},
		{"checksum", nil, map[string]http.HandlerFunc{"/npm/all.zip": badSum},
			"checksum mismatch"},
		{"not a zip", map[string][]byte{"/npm/all.zip": notZip}, nil, "not usable"},
		{"corrupt entry", map[string][]byte{"/npm/all.zip": corruptEntry}, nil,
			"not usable"},
		{"missing", map[string][]byte{}, nil, "404"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := mirror(t, tc.archives, tc.handlers)
			err := updater(dir, srv.URL).Update(context.Background(), []string{"npm"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			got, _ := os.ReadFile(filepath.Join(dir, "npm", "all.zip"))
			after, _ := Status(dir)
			if !bytes.Equal(got, good) || len(after) != 1 || after[0] != before[0] {
				t.Errorf("the database changed after a failed update")
			}
		})
	}
}

func TestEcosystemNamesStayInTheDirectory(t *testing.T) {
	u := updater(t.TempDir(), "http://127.0.0.1:1")
	for _, eco := range []string{"../x", "a/b", "..", ""} {
		if err := u.Update(context.Background(), []string{eco}); err == nil ||
			!strings.Contains(err.Error(), "invalid ecosystem") {
			t.Errorf("%q: %v", eco, err)
		}
	}
}

func TestStatusOfAnEmptyDirectory(t *testing.T) {
	status, err := Status(filepath.Join(t.TempDir(), "none"))
	if err != nil || status != nil {
		t.Errorf("status %+v, %v", status, err)
	}
}
