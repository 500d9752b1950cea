package deps

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/google/osv-scalibr/extractor"
	"github.com/google/osv-scalibr/extractor/filesystem"
	"github.com/google/osv-scalibr/extractor/filesystem/osv"
	scalibrlog "github.com/google/osv-scalibr/log"
	"github.com/google/osv-scalibr/purl"
)

// File is a manifest or lockfile, already read: rampart reads each file once.
type File struct {
	Rel     string // relative to the reviewed root, forward slashes
	Content []byte
}

// Problem is a lockfile that could not be read, or a package that could not be checked.
type Problem struct {
	File   string
	Reason string
}

// Extract reads the packages that the lockfiles among files pin. Manifests among files
// (package.json) only say which packages are direct. A lockfile that cannot be read is a
// Problem, never a silent gap. Packages come back sorted by file, name and version.
func Extract(ctx context.Context, files []File) ([]Package, []Problem) {
	silenceScalibr()
	fsys := make(fstest.MapFS, len(files))
	byRel := make(map[string][]byte, len(files))
	for _, f := range files {
		fsys[f.Rel] = &fstest.MapFile{Data: f.Content, Mode: 0o644}
		byRel[f.Rel] = f.Content
	}

	var pkgs []Package
	var problems []Problem
	for _, f := range files {
		if !IsLockfile(f.Rel) {
			continue
		}
		found, problem, err := readLockfile(ctx, fsys, f)
		switch {
		case err != nil:
			problems = append(problems, Problem{File: f.Rel, Reason: err.Error()})
			continue
		case problem != "":
			problems = append(problems, Problem{File: f.Rel, Reason: problem})
		}
		classify(found, f, byRel)
		pkgs = append(pkgs, found...)
	}

	slices.SortFunc(pkgs, comparePackages)
	return slices.CompactFunc(pkgs, func(a, b Package) bool {
		return comparePackages(a, b) == 0
	}), problems
}

func comparePackages(a, b Package) int {
	return cmp.Or(
		strings.Compare(a.File, b.File),
		strings.Compare(a.Name, b.Name),
		strings.Compare(a.Version, b.Version),
	)
}

// readLockfile reads one lockfile or pom.xml. problem says what was read only in part.
func readLockfile(ctx context.Context, fsys fstest.MapFS, f File) (
	pkgs []Package, problem string, err error) {
	defer func() {
		// The parsers are third-party code fed with hostile input.
		if r := recover(); r != nil {
			pkgs, problem, err = nil, "", fmt.Errorf("the lockfile parser failed: %v", r)
		}
	}()

	if path.Base(f.Rel) == pomFile {
		found, unresolved, err := readPOM(f)
		if err != nil || unresolved == 0 {
			return found, "", err
		}
		return found, unresolvedPOM(unresolved), nil
	}
	format, _ := formatOf(f.Rel)
	pkgs, err = extract(ctx, fsys, f, format)
	return pkgs, "", err
}

// extract runs the format's extractor on one file.
func extract(ctx context.Context, fsys fstest.MapFS, f File, format lockfile) (
	[]Package, error) {
	ex, err := format.extractor(nil)
	if err != nil {
		return nil, fmt.Errorf("set up the %s reader: %w", format.ecosystem, err)
	}
	info, err := fsys.Stat(f.Rel)
	if err != nil {
		return nil, err
	}
	inv, err := ex.Extract(ctx, &filesystem.ScanInput{
		FS: fsys, Path: f.Rel, Root: ".", Info: info, Reader: bytes.NewReader(f.Content),
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path.Base(f.Rel), err)
	}

	var out []Package
	for _, p := range inv.Packages {
		if pkg, ok := fromScalibr(p, f.Rel, format.ecosystem); ok {
			out = append(out, pkg)
		}
	}
	return out, nil
}

// fromScalibr converts an extracted package. Packages installed from git, a URL or the
// local disk have no registry version to match, and Go's "stdlib" entry is the go.mod
// language version, not the toolchain that builds the code: those are left out.
func fromScalibr(p *extractor.Package, rel, ecosystem string) (Package, bool) {
	if p.Name == "" || p.Version == "" || p.PURLType == purl.TypeGit {
		return Package{}, false
	}
	if ecosystem == "Go" && p.Name == "stdlib" {
		return Package{}, false
	}

	pkg := Package{Ecosystem: ecosystem, Name: p.Name, Version: p.Version, File: rel}
	if d := p.Location.Descriptor; d != nil && d.File != nil && d.File.Path == rel {
		pkg.Line = d.File.LineNumber
	}
	if g, ok := p.Metadata.(osv.DepGroups); ok && g != nil {
		pkg.Dev = slices.Contains(g.DepGroups(), "dev")
	}
	return pkg, true
}

// silenceScalibr replaces osv-scalibr's logger, which writes to the standard logger: the
// extractors log about the files they read, and rampart's stderr is for its own messages.
var silenceScalibr = sync.OnceFunc(func() { scalibrlog.SetLogger(quiet{}) })

// quiet is a scalibr logger that drops everything.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}
func (quiet) Error(...any)          {}
func (quiet) Warnf(string, ...any)  {}
func (quiet) Warn(...any)           {}
func (quiet) Infof(string, ...any)  {}
func (quiet) Info(...any)           {}
func (quiet) Debugf(string, ...any) {}
func (quiet) Debug(...any)          {}

// unresolvedPOM says how many dependencies of a pom.xml were left unchecked, and why.
func unresolvedPOM(n int) string {
	what := fmt.Sprintf("%d dependencies take their versions", n)
	if n == 1 {
		what = "1 dependency takes its version"
	}
	return what + " from a parent POM, a BOM or a range, not resolved offline"
}
