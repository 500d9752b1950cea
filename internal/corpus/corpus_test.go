package corpus

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestSameOptionsSameTree(t *testing.T) {
	a, _, err := Files(Options{Lines: MinLines, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := Files(Options{Lines: MinLines, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(a, b) {
		t.Error("two corpora of the same options differ")
	}
	c, _, err := Files(Options{Lines: MinLines, Seed: 8})
	if err != nil {
		t.Fatal(err)
	}
	if maps.Equal(a, c) {
		t.Error("corpora of different seeds are the same")
	}
}

func TestGenerateWritesWhatFilesReturns(t *testing.T) {
	dir := t.TempDir()
	m, err := Generate(dir, Options{Lines: MinLines, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	files, want, err := Files(Options{Lines: MinLines, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, want) {
		t.Error("Generate and Files return different manifests")
	}
	for rel, text := range files {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil || string(data) != text {
			t.Errorf("%s differs from what Files returns (%v)", rel, err)
		}
	}
	read, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(read, m) {
		t.Error("the manifest read back differs from the one returned")
	}
}

func TestSizeIsNearTheTarget(t *testing.T) {
	for _, lines := range []int{MinLines, 30_000} {
		files, m, err := Files(Options{Lines: lines, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		if diff := m.SourceLines - lines; diff < -appFixed || diff > appFixed {
			t.Errorf("target %d lines, got %d", lines, m.SourceLines)
		}
		source, total := 0, 0
		for rel, text := range files {
			if rel == ManifestName {
				continue
			}
			n := strings.Count(text, "\n")
			total += n
			if isSource(rel) {
				source += n
			}
		}
		if source != m.SourceLines || total != m.Lines || len(files)-1 != m.Files {
			t.Errorf("manifest counts %d source lines, %d lines, %d files; the files hold "+
				"%d, %d, %d", m.SourceLines, m.Lines, m.Files, source, total, len(files)-1)
		}
	}
}

// TestOneCyclePerTenThousandLines: a corpus of MinLines holds the whole mix, once.
func TestOneCyclePerTenThousandLines(t *testing.T) {
	_, m, err := Files(Options{Lines: MinLines, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := make(map[string]int)
	for _, k := range Mix() {
		want[k.Rule]++
	}
	got := make(map[string]int)
	for _, p := range m.Planted {
		got[p.Rule]++
	}
	if !maps.Equal(got, want) {
		t.Errorf("planted %v, want %v", got, want)
	}
}

// TestPlantedLinesHoldCode: each planted line is a line of code in its file, one that
// mentions what the rule is about.
func TestPlantedLinesHoldCode(t *testing.T) {
	files, m, err := Files(Options{Lines: 20_000, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	marks := map[string][]string{
		sqlInjection:       {".query("},
		commandInjection:   {"exec("},
		codeInjection:      {"new Function("},
		pathTraversal:      {"readFile("},
		ssrf:               {"axios."},
		openRedirect:       {"redirect("},
		insecureRandomness: {"Math.random()"},
		jwtAlgorithms:      {"jwt.verify("},
		xss:                {"<h1>"},
		weakPasswordHash:   {"createHash("},
		prototypePollution: {"_.merge("},
	}
	for _, p := range m.Planted {
		lines := strings.Split(files[p.File], "\n")
		if p.Line < 1 || p.Line > len(lines) {
			t.Errorf("%s: no such line", p)
			continue
		}
		line := lines[p.Line-1]
		found := false
		for _, mark := range marks[p.Rule] {
			found = found || strings.Contains(line, mark)
		}
		if !found {
			t.Errorf("%s: line %q is not the vulnerable code", p, line)
		}
	}
}

func TestSizeOutOfBoundsIsRefused(t *testing.T) {
	for _, lines := range []int{-1, MinLines - 1, MaxLines + 1} {
		if _, _, err := Files(Options{Lines: lines}); err == nil {
			t.Errorf("a corpus of %d lines was made", lines)
		}
	}
}

func TestRemoveTakesOnlyTheCorpus(t *testing.T) {
	dir := t.TempDir()
	if err := Remove(dir); !errors.Is(err, ErrNotCorpus) {
		t.Errorf("Remove of a directory without a corpus: %v, want ErrNotCorpus", err)
	}
	if _, err := Generate(dir, Options{Lines: MinLines}); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(mine, []byte("kept\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Remove(dir); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "notes.txt" {
		t.Errorf("after Remove the directory holds %v, want only notes.txt", entries)
	}
}
