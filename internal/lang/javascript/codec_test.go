package javascript

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/model"
)

// sourceFixtures returns every JS/TS fixture of the package, keyed by path.
func sourceFixtures(t *testing.T) map[string][]byte {
	t.Helper()
	out := make(map[string][]byte)
	err := filepath.WalkDir("testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".js") &&
			!strings.HasSuffix(path, ".ts") {
			return err
		}
		data, err := os.ReadFile(path)
		out[filepath.ToSlash(path)] = data
		return err
	})
	if err != nil || len(out) < 50 {
		t.Fatalf("%d fixtures: %v", len(out), err)
	}
	return out
}

func TestModulesSurviveEncoding(t *testing.T) {
	for path, src := range sourceFixtures(t) {
		lang := "javascript"
		if strings.HasSuffix(path, ".ts") {
			lang = "typescript"
		}
		_, mod := AnalyzeFile(path, lang, mustParse(t, path, src))

		enc, err := model.EncodeModule(nil, mod)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		dec, err := model.DecodeModule(enc)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if got, want := model.Format(dec), model.Format(mod); got != want {
			t.Errorf("%s: decoded module differs:\n%s\nwant:\n%s", path, got, want)
		}
		// The encoding holds every position and shared expression; encoding the decoded
		// module must give the same bytes.
		again, err := model.EncodeModule(nil, dec)
		if err != nil || !bytes.Equal(again, enc) {
			t.Errorf("%s: re-encoding differs (%v)", path, err)
		}
	}
}

func TestDamagedEncodingsAreRefused(t *testing.T) {
	src := []byte("const db = require('./db');\nmodule.exports = (q) => db.query(q);\n")
	_, mod := AnalyzeFile("a.js", "javascript", mustParse(t, "a.js", src))
	enc, err := model.EncodeModule(nil, mod)
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(enc) {
		if _, err := model.DecodeModule(enc[:n]); !errors.Is(err, model.ErrCorrupt) {
			t.Fatalf("cut to %d of %d bytes: err = %v", n, len(enc), err)
		}
	}
	if _, err := model.DecodeModule(append(enc, 0)); !errors.Is(err, model.ErrCorrupt) {
		t.Errorf("a trailing byte: err = %v", err)
	}
}
