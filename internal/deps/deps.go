// Package deps reads the packages a project installs from its lockfiles and matches them
// against the local OSV advisory database, so that components with known vulnerabilities
// are reported like every other finding.
//
// Lockfiles are read with osv-scalibr's extractors; versions are compared with its
// per-ecosystem version rules (through the osvdb package). Nothing here touches the network.
package deps

import (
	"path"
	"slices"
	"strings"

	cpb "github.com/google/osv-scalibr/binary/proto/config_go_proto"
	"github.com/google/osv-scalibr/extractor/filesystem"
	"github.com/google/osv-scalibr/extractor/filesystem/language/golang/gomod"
	"github.com/google/osv-scalibr/extractor/filesystem/language/java/gradlelockfile"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/packagelockjson"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/pnpmlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/yarnlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/php/composerlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/pipfilelock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/poetrylock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/requirements"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/uvlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/ruby/gemfilelock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/rust/cargolock"
)

// Relation says how a package came into the project.
type Relation int

// Relations: Unknown when the lockfile and its manifest do not say.
const (
	Unknown Relation = iota
	Direct
	Transitive
)

// String returns "direct", "transitive" or "" for Unknown.
func (r Relation) String() string {
	switch r {
	case Direct:
		return "direct"
	case Transitive:
		return "transitive"
	}
	return ""
}

// Package is one installed version of a package, as a lockfile pins it.
type Package struct {
	// Ecosystem is OSV's name for the package registry: "npm", "Go", "PyPI"...
	Ecosystem string
	Name      string
	Version   string
	// File is the lockfile, relative to the reviewed root; Line is 1-based, 0 when the
	// lockfile format gives no line.
	File     string
	Line     int
	Relation Relation
	// Dev is set when the lockfile or manifest says the package is needed only to build
	// or test the project.
	Dev bool
}

// lockfile is a format rampart reads: the ecosystem its versions belong to and the
// osv-scalibr extractor that reads it.
type lockfile struct {
	ecosystem string
	extractor func(*cpb.PluginConfig) (filesystem.Extractor, error)
}

// lockfiles maps file names to their formats; pom.xml has its own reader (pom.go).
var lockfiles = map[string]lockfile{
	"package-lock.json":   {"npm", packagelockjson.New},
	"npm-shrinkwrap.json": {"npm", packagelockjson.New},
	"yarn.lock":           {"npm", yarnlock.New},
	"pnpm-lock.yaml":      {"npm", pnpmlock.New},
	"go.mod":              {"Go", gomod.New},
	"poetry.lock":         {"PyPI", poetrylock.New},
	"Pipfile.lock":        {"PyPI", pipfilelock.New},
	"uv.lock":             {"PyPI", uvlock.New},
	"gradle.lockfile":     {"Maven", gradlelockfile.New},
	"composer.lock":       {"Packagist", composerlock.New},
	"Gemfile.lock":        {"RubyGems", gemfilelock.New},
	"Cargo.lock":          {"crates.io", cargolock.New},
}

// requirementsFile is the format of pip's requirements*.txt files.
var requirementsFile = lockfile{"PyPI", requirements.New}

// formatOf returns the format of a file by its name.
func formatOf(name string) (lockfile, bool) {
	base := path.Base(name)
	if lf, ok := lockfiles[base]; ok {
		return lf, true
	}
	if isRequirements(base) {
		return requirementsFile, true
	}
	return lockfile{}, false
}

// isRequirements matches requirements.txt, requirements-dev.txt, requirements/base.txt's
// siblings named requirements*.txt, and the like.
func isRequirements(base string) bool {
	return strings.HasPrefix(base, "requirements") && strings.HasSuffix(base, ".txt")
}

// IsLockfile reports whether a file name is a lockfile rampart reads.
func IsLockfile(name string) bool {
	_, ok := formatOf(name)
	return ok || path.Base(name) == pomFile
}

// IsGenerated reports whether a file is a lockfile that a package manager writes, which
// holds versions and hashes but no hand-written settings; manifests such as pom.xml,
// go.mod and requirements files may hold credentials (a private index URL) and are
// read for secrets too.
func IsGenerated(name string) bool {
	base := path.Base(name)
	_, ok := lockfiles[base]
	return ok && base != "go.mod"
}

// IsManifest reports whether a file name is a lockfile or a manifest that tells direct
// dependencies from transitive ones (package.json).
func IsManifest(name string) bool {
	return IsLockfile(name) || path.Base(name) == "package.json"
}

// Ecosystems lists the OSV ecosystems of the lockfiles rampart reads, in name order.
func Ecosystems() []string {
	seen := map[string]bool{requirementsFile.ecosystem: true}
	for _, lf := range lockfiles {
		seen[lf.ecosystem] = true
	}
	out := make([]string, 0, len(seen))
	for eco := range seen {
		out = append(out, eco)
	}
	slices.Sort(out)
	return out
}
