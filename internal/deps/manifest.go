package deps

import (
	"bytes"
	"encoding/json"
	"path"
	"strings"
)

// classify sets how each package of one lockfile came into the project, from what the
// lockfile and the manifest beside it say.
func classify(pkgs []Package, f File, byRel map[string][]byte) {
	switch format, _ := formatOf(f.Rel); {
	case format.ecosystem == "npm":
		manifest, ok := byRel[path.Join(path.Dir(f.Rel), "package.json")]
		if ok {
			classifyNPM(pkgs, manifest)
		}
	case path.Base(f.Rel) == "go.mod":
		classifyGoMod(pkgs, f.Content)
	case isRequirements(path.Base(f.Rel)):
		dev := strings.Contains(path.Base(f.Rel), "dev") ||
			strings.Contains(path.Base(f.Rel), "test")
		for i := range pkgs {
			pkgs[i].Relation = Direct
			pkgs[i].Dev = pkgs[i].Dev || dev
		}
	}
}

// npmManifest is the part of package.json that names direct dependencies.
type npmManifest struct {
	Dependencies         map[string]string `json:"dependencies"`
	DevDependencies      map[string]string `json:"devDependencies"`
	OptionalDependencies map[string]string `json:"optionalDependencies"`
	PeerDependencies     map[string]string `json:"peerDependencies"`
}

// classifyNPM marks the packages package.json lists as direct, the others as transitive.
// A direct package listed only under devDependencies is a dev package even when the
// lockfile (yarn.lock) does not say.
func classifyNPM(pkgs []Package, manifest []byte) {
	var m npmManifest
	if json.Unmarshal(manifest, &m) != nil {
		return // an unreadable manifest leaves the relation unknown
	}
	for i := range pkgs {
		name := pkgs[i].Name
		_, prod := m.Dependencies[name]
		_, dev := m.DevDependencies[name]
		_, opt := m.OptionalDependencies[name]
		_, peer := m.PeerDependencies[name]
		switch {
		case prod || opt || peer:
			pkgs[i].Relation = Direct
		case dev:
			pkgs[i].Relation = Direct
			pkgs[i].Dev = true
		default:
			pkgs[i].Relation = Transitive
		}
	}
}

// classifyGoMod reads go.mod's "// indirect" markers: a requirement without one is
// direct. Modules that only go.sum names (before Go 1.17) have no line in go.mod.
func classifyGoMod(pkgs []Package, content []byte) {
	lines := bytes.Split(content, []byte("\n"))
	for i := range pkgs {
		p := &pkgs[i]
		if p.Line < 1 || p.Line > len(lines) {
			p.Relation = Transitive
			continue
		}
		if bytes.Contains(lines[p.Line-1], []byte("// indirect")) {
			p.Relation = Transitive
		} else {
			p.Relation = Direct
		}
	}
}
