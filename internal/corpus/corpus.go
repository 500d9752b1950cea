package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Bounds of Options.Lines. Below MinLines a corpus holds less than one cycle of the mix;
// above MaxLines a scan holds more source in memory than a CI machine is sure to have.
const (
	MinLines     = 10_000
	MaxLines     = 2_000_000
	DefaultLines = 100_000
)

// ManifestName is the file, at the root of a corpus, that holds its Manifest. The
// corpus's .gitignore lists it, so that a scan of the corpus does not read it.
const ManifestName = ".rampart-corpus.json"

// Options choose a corpus.
type Options struct {
	// Lines is the number of lines of reviewed source (the JavaScript and TypeScript
	// under each application's src/) to aim for; the corpus lands within a few hundred
	// of it. 0 means DefaultLines.
	Lines int
	// Seed picks the names, shapes and fields; the same seed and Lines write the same
	// tree, byte for byte.
	Seed int64
}

// Manifest describes a written corpus.
type Manifest struct {
	Seed int64 `json:"seed"`
	Apps int   `json:"apps"`
	// Files and Lines count every file written, tests and configuration included, but
	// not the manifest.
	Files int `json:"files"`
	Lines int `json:"lines"`
	// SourceFiles and SourceLines count the source a scan reviews by default.
	SourceFiles int `json:"source_files"`
	SourceLines int `json:"source_lines"`
	// Planted lists the planted vulnerabilities by file, then line.
	Planted []Planted `json:"planted"`
}

// Planted is a vulnerability written into the corpus on purpose: the rule that should
// report it and where, by path relative to the corpus root and 1-based line.
type Planted struct {
	Rule string `json:"rule"`
	File string `json:"file"`
	Line int    `json:"line"`
}

// String returns "file:line rule".
func (p Planted) String() string { return fmt.Sprintf("%s:%d %s", p.File, p.Line, p.Rule) }

// Rules returns the ids of the rules of the planted vulnerabilities, sorted.
func (m *Manifest) Rules() []string {
	var ids []string
	for _, p := range m.Planted {
		if !slices.Contains(ids, p.Rule) {
			ids = append(ids, p.Rule)
		}
	}
	slices.Sort(ids)
	return ids
}

// Generate writes a corpus into dir, creating it if need be, and returns its manifest,
// which it also writes there as ManifestName. Files already in dir that the corpus does
// not write are left alone.
func Generate(dir string, opt Options) (*Manifest, error) {
	g, m, err := build(opt)
	if err != nil {
		return nil, err
	}
	if err := g.write(dir); err != nil {
		return nil, err
	}
	data, err := encodeManifest(m)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, ManifestName), data, 0o644); err != nil {
		return nil, fmt.Errorf("write manifest: %w", err)
	}
	return m, nil
}

// Files returns the corpus that Generate would write, manifest included, as file
// contents by slash-separated path.
func Files(opt Options) (map[string]string, *Manifest, error) {
	g, m, err := build(opt)
	if err != nil {
		return nil, nil, err
	}
	data, err := encodeManifest(m)
	if err != nil {
		return nil, nil, err
	}
	files := make(map[string]string, len(g.files)+1)
	for _, s := range g.files {
		files[s.rel], _ = s.text()
	}
	files[ManifestName] = string(data)
	return files, m, nil
}

// build generates the corpus opt chooses in memory.
func build(opt Options) (*gen, *Manifest, error) {
	if opt.Lines == 0 {
		opt.Lines = DefaultLines
	}
	if opt.Lines < MinLines || opt.Lines > MaxLines {
		return nil, nil, fmt.Errorf("corpus of %d lines: want %d to %d", opt.Lines,
			MinLines, MaxLines)
	}
	g := newGen(opt)
	g.workspace()
	return g, g.manifest(), nil
}

func encodeManifest(m *Manifest) ([]byte, error) {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode manifest: %w", err)
	}
	return append(data, '\n'), nil
}

// ReadManifest reads the manifest of the corpus written in dir.
func ReadManifest(dir string) (*Manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("decode manifest %s: %w", ManifestName, err)
	}
	return &m, nil
}

// topLevel are the names Generate writes at the root of a corpus.
var topLevel = []string{"apps", "package.json", "package-lock.json", ".gitignore",
	"README.md", ManifestName}

// ErrNotCorpus is returned by Remove for a directory that holds no corpus manifest.
var ErrNotCorpus = errors.New("not a corpus: no " + ManifestName)

// Remove deletes the corpus written in dir, which must hold its manifest, and leaves
// anything else in dir alone.
func Remove(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, ManifestName)); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", dir, ErrNotCorpus)
	}
	for _, name := range topLevel {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("remove corpus: %w", err)
		}
	}
	return nil
}

// isSource reports whether a corpus path is source that a scan reviews by default.
func isSource(rel string) bool {
	return strings.Contains(rel, "/src/") &&
		(strings.HasSuffix(rel, ".js") || strings.HasSuffix(rel, ".ts"))
}
