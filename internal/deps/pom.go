package deps

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"deps.dev/util/maven"
)

// pomFile is Maven's project file. It is read with deps.dev's Maven model rather than
// osv-scalibr's extractor, which links a registry client: versions that only a parent
// POM, an imported BOM or a range would give are not known offline, and are counted
// as unchecked instead of guessed.
const pomFile = "pom.xml"

// readPOM lists the dependencies a pom.xml gives a version, after the project's own
// properties are put in. unresolved counts those it does not.
func readPOM(f File) (pkgs []Package, unresolved int, err error) {
	var project maven.Project
	dec := xml.NewDecoder(bytes.NewReader(f.Content))
	dec.Strict = false // real POMs carry stray entities; nothing external is ever loaded
	if err := dec.Decode(&project); err != nil {
		return nil, 0, fmt.Errorf("read pom.xml: %w", err)
	}
	// An error leaves in place what only a parent defines; those versions count as
	// unresolved below.
	_ = project.Interpolate()

	managed := make(map[string]string)
	for _, d := range project.DependencyManagement.Dependencies {
		managed[string(d.GroupID)+":"+string(d.ArtifactID)] = string(d.Version)
	}
	for _, d := range project.Dependencies {
		name := string(d.GroupID) + ":" + string(d.ArtifactID)
		version := string(d.Version)
		if version == "" {
			version = managed[name]
		}
		if !concreteVersion(version) {
			unresolved++
			continue
		}
		pkgs = append(pkgs, Package{
			Ecosystem: "Maven", Name: name, Version: version, File: f.Rel,
			Line: artifactLine(f.Content, string(d.ArtifactID)), Relation: Direct,
			Dev: string(d.Scope) == "test",
		})
	}
	return pkgs, unresolved, nil
}

// concreteVersion reports a single version, not a range or a property left unset.
func concreteVersion(v string) bool {
	return v != "" && !strings.Contains(v, "${") && !strings.ContainsAny(v[:1], "[(")
}

// artifactLine finds the line of a dependency's artifactId, outside the
// dependencyManagement section, which may name the same artifact.
func artifactLine(content []byte, artifact string) int {
	tag := []byte("<artifactId>" + artifact + "</artifactId>")
	mStart := bytes.Index(content, []byte("<dependencyManagement>"))
	mEnd := bytes.Index(content, []byte("</dependencyManagement>"))
	for from := 0; ; {
		i := bytes.Index(content[from:], tag)
		if i < 0 {
			return 0
		}
		at := from + i
		if mStart < 0 || mEnd < 0 || at < mStart || at > mEnd {
			return bytes.Count(content[:at], []byte("\n")) + 1
		}
		from = at + len(tag)
	}
}
