package osvdb

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// indexName is the file, beside each archive, that maps package names to the archive
// entries that name them, so that a scan decodes only the advisories of the packages it
// has instead of the whole archive (npm's holds hundreds of thousands).
const indexName = "index.json"

// nameIndex is the content of index.json. Size and Entries describe the archive it was
// built from; an index that does not match its archive is not used.
type nameIndex struct {
	Size    int64               `json:"size"`
	Entries int                 `json:"entries"`
	Names   map[string][]string `json:"names"`
}

// entryPackages is the part of an advisory that the index needs.
type entryPackages struct {
	Affected []struct {
		Package struct {
			Ecosystem string `json:"ecosystem"`
			Name      string `json:"name"`
		} `json:"package"`
	} `json:"affected"`
}

// buildIndex reads every entry of the archive to its end, which checks each entry's
// CRC, requires each to be a JSON advisory, and maps the ecosystem's package names to
// the entries that name them.
func buildIndex(path, ecosystem string) (*nameIndex, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()

	ix := &nameIndex{Size: info.Size(), Names: make(map[string][]string)}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		var e entryPackages
		if err := decodeEntry(f, &e); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		ix.Entries++
		for _, a := range e.Affected {
			name := a.Package.Name
			if a.Package.Ecosystem == ecosystem && !slices.Contains(ix.Names[name], f.Name) {
				ix.Names[name] = append(ix.Names[name], f.Name)
			}
		}
	}
	if ix.Entries == 0 {
		return nil, errors.New("no advisories in the archive")
	}
	return ix, nil
}

// decodeEntry decodes an entry as JSON into v and reads it to its end, where the CRC
// is checked.
func decodeEntry(f *zip.File, v any) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := json.NewDecoder(rc).Decode(v); err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, rc)
	return err
}

// readIndex reads the index of an ecosystem's archive, or returns nil when there is
// none or it does not describe the archive as it is (an archive replaced since).
func readIndex(dir string, zr *zip.ReadCloser, size int64) *nameIndex {
	data, err := os.ReadFile(filepath.Join(dir, indexName))
	if err != nil {
		return nil
	}
	var ix nameIndex
	if json.Unmarshal(data, &ix) != nil || ix.Size != size {
		return nil
	}
	entries := 0
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".json") {
			entries++
		}
	}
	if entries != ix.Entries {
		return nil
	}
	return &ix
}

// files returns the archive entries that name any of the packages, each once, in
// archive order.
func (ix *nameIndex) files(zr *zip.ReadCloser, names []string) []*zip.File {
	want := make(map[string]bool)
	for _, n := range names {
		for _, entry := range ix.Names[n] {
			want[entry] = true
		}
	}
	var out []*zip.File
	for _, f := range zr.File {
		if want[f.Name] {
			out = append(out, f)
		}
	}
	return out
}
