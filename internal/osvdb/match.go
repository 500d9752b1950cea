package osvdb

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/google/osv-scalibr/semantic"
)

// Advisory is the part of an OSV record that a finding needs.
type Advisory struct {
	ID       string     `json:"id"`
	Aliases  []string   `json:"aliases"`
	Summary  string     `json:"summary"`
	Severity []Severity `json:"severity"`
	Affected []Affected `json:"affected"`
	// DatabaseSpecific carries the source's own rating, such as GitHub's "HIGH" or
	// "MODERATE", which is all some records give.
	DatabaseSpecific struct {
		Severity string `json:"severity"`
	} `json:"database_specific"`
}

// Severity is a scored severity, such as a CVSS vector.
type Severity struct {
	Type  string `json:"type"`
	Score string `json:"score"`
}

// Affected names a package and the versions an advisory affects.
type Affected struct {
	Package struct {
		Ecosystem string `json:"ecosystem"`
		Name      string `json:"name"`
	} `json:"package"`
	Ranges   []Range  `json:"ranges"`
	Versions []string `json:"versions"`
}

// Range is a list of events over the ecosystem's version order.
type Range struct {
	Type   string  `json:"type"`
	Events []Event `json:"events"`
}

// Event opens or closes a range of affected versions.
type Event struct {
	Introduced   string `json:"introduced,omitempty"`
	Fixed        string `json:"fixed,omitempty"`
	LastAffected string `json:"last_affected,omitempty"`
}

// Index holds one ecosystem's advisories by package name.
type Index struct {
	ecosystem string
	byName    map[string][]*Advisory
}

// Load reads an ecosystem's advisories from the database directory. With names, only
// the advisories of those packages are read, through the index written beside the
// archive when there is one; without, all of them.
func Load(dir, ecosystem string, names ...string) (*Index, error) {
	ecoDir := filepath.Join(dir, ecosystem)
	path := filepath.Join(ecoDir, archiveName)
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open the %s advisories: %w", ecosystem, err)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("open the %s advisories: %w", ecosystem, err)
	}
	defer zr.Close()

	files := zr.File
	if len(names) > 0 {
		if ni := readIndex(ecoDir, zr, info.Size()); ni != nil {
			files = ni.files(zr, names)
		}
	}

	ix := &Index{ecosystem: ecosystem, byName: make(map[string][]*Advisory)}
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		a, err := readAdvisory(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, f.Name, err)
		}
		for _, name := range a.packages(ecosystem) {
			ix.byName[name] = append(ix.byName[name], a)
		}
	}
	return ix, nil
}

func readAdvisory(f *zip.File) (*Advisory, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var a Advisory
	if err := json.NewDecoder(rc).Decode(&a); err != nil {
		return nil, err
	}
	return &a, nil
}

// packages lists the names the advisory affects in the ecosystem, each once.
func (a *Advisory) packages(ecosystem string) []string {
	var names []string
	for _, af := range a.Affected {
		if af.Package.Ecosystem == ecosystem && !slices.Contains(names, af.Package.Name) {
			names = append(names, af.Package.Name)
		}
	}
	return names
}

// Affecting returns the advisories that affect a version of a package, in id order. A
// version the ecosystem's rules cannot read is an error, never a silent miss.
func (ix *Index) Affecting(name, version string) ([]*Advisory, error) {
	v, err := semantic.Parse(version, ix.ecosystem)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", name, version, err)
	}
	var out []*Advisory
	for _, a := range ix.byName[name] {
		for _, af := range a.Affected {
			if af.Package.Ecosystem != ix.ecosystem || af.Package.Name != name {
				continue
			}
			if hit, err := af.contains(v, version); err != nil {
				return nil, fmt.Errorf("%s: %w", a.ID, err)
			} else if hit {
				out = append(out, a)
				break
			}
		}
	}
	slices.SortFunc(out, func(x, y *Advisory) int { return strings.Compare(x.ID, y.ID) })
	return out, nil
}

// contains applies OSV's rule: a version is affected when it is listed, or when, walking
// a range's events in version order, the last event at or below it introduced the
// problem and no fix or last affected version closed it.
func (af *Affected) contains(v semantic.Version, raw string) (bool, error) {
	if slices.Contains(af.Versions, raw) {
		return true, nil
	}
	for _, r := range af.Ranges {
		if r.Type != "SEMVER" && r.Type != "ECOSYSTEM" {
			continue // GIT ranges name commits, not versions
		}
		events, err := sorted(r.Events, af.Package.Ecosystem)
		if err != nil {
			return false, err
		}
		hit, err := inRange(v, events)
		if err != nil || hit {
			return hit, err
		}
	}
	return false, nil
}

// sorted returns the events in version order, "0" first: OSV does not promise an order,
// and the walk below needs one.
func sorted(events []Event, ecosystem string) ([]Event, error) {
	type keyed struct {
		e   Event
		v   semantic.Version
		raw string
	}
	ks := make([]keyed, 0, len(events))
	for _, e := range events {
		raw := e.Introduced + e.Fixed + e.LastAffected
		if e.Introduced == "0" {
			ks = append(ks, keyed{e: e, raw: raw})
			continue
		}
		v, err := semantic.Parse(raw, ecosystem)
		if err != nil {
			return nil, err
		}
		ks = append(ks, keyed{e: e, v: v, raw: raw})
	}
	var cmpErr error
	slices.SortStableFunc(ks, func(a, b keyed) int {
		switch {
		case a.v == nil && b.v == nil:
			return 0
		case a.v == nil:
			return -1
		case b.v == nil:
			return 1
		}
		c, err := a.v.CompareStr(b.raw)
		if err != nil {
			cmpErr = err
		}
		return c
	})
	out := make([]Event, len(ks))
	for i, k := range ks {
		out[i] = k.e
	}
	return out, cmpErr
}

func inRange(v semantic.Version, events []Event) (bool, error) {
	affected := false
	for _, e := range events {
		switch {
		case e.Introduced == "0":
			affected = true
		case e.Introduced != "":
			c, err := v.CompareStr(e.Introduced)
			if err != nil {
				return false, err
			}
			affected = affected || c >= 0
		case e.Fixed != "":
			c, err := v.CompareStr(e.Fixed)
			if err != nil {
				return false, err
			}
			if c >= 0 {
				affected = false
			}
		case e.LastAffected != "":
			c, err := v.CompareStr(e.LastAffected)
			if err != nil {
				return false, err
			}
			if c > 0 {
				affected = false
			}
		}
	}
	return affected, nil
}

// FixedVersions returns the versions that fix the advisory for a package, as the record
// lists them.
func (a *Advisory) FixedVersions(ecosystem, name string) []string {
	var out []string
	for _, af := range a.Affected {
		if af.Package.Ecosystem != ecosystem || af.Package.Name != name {
			continue
		}
		for _, r := range af.Ranges {
			for _, e := range r.Events {
				if e.Fixed != "" && !slices.Contains(out, e.Fixed) {
					out = append(out, e.Fixed)
				}
			}
		}
	}
	return out
}
