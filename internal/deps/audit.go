package deps

import (
	"errors"
	"io/fs"
	"slices"
	"strings"

	"github.com/google/osv-scalibr/semantic"

	"github.com/rampart-sec/rampart/internal/osvdb"
	"github.com/rampart-sec/rampart/internal/rule"
)

// Advisory is one known vulnerability of a package, as a finding shows it.
type Advisory struct {
	ID      string
	Aliases []string // CVE and other ids of the same problem
	Summary string
	// Severity comes from the CVSS v3 base score when the record has one, else from the
	// source's own rating; Score is 0 when there is no CVSS v3 vector.
	Severity rule.Severity
	Score    float64
	Fixed    []string // versions that fix it, as the record lists them
}

// Vulnerable is an installed package that advisories affect.
type Vulnerable struct {
	Package
	Advisories []Advisory // in id order
	// Upgrade is the smallest version that no advisory affects and that fixes every
	// listed one, or "" when no release does.
	Upgrade string
}

// Severity is the highest of the advisories', one level lower for a dev-only package,
// which does not run in production.
func (v *Vulnerable) Severity() rule.Severity {
	s := rule.Low
	for _, a := range v.Advisories {
		s = max(s, a.Severity)
	}
	if v.Dev && s > rule.Low {
		s--
	}
	return s
}

// Audit is what checking packages against the database found.
type Audit struct {
	Vulnerable []Vulnerable
	// Unchecked lists packages whose versions the ecosystem's rules cannot read.
	Unchecked []Problem
	// Missing lists the ecosystems the packages need that the database does not hold,
	// or holds in an unreadable state, with the reason.
	Missing []Problem
}

// Check matches packages against the advisory database in dir. It never uses the
// network. An ecosystem missing from the database is reported in Audit.Missing.
func Check(dir string, pkgs []Package) *Audit {
	audit := &Audit{}
	indexes := make(map[string]*osvdb.Index)
	for _, eco := range ecosystemsOf(pkgs) {
		ix, err := osvdb.Load(dir, eco, namesIn(pkgs, eco)...)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			audit.Missing = append(audit.Missing, Problem{File: eco, Reason: "not downloaded"})
		case err != nil:
			audit.Missing = append(audit.Missing, Problem{File: eco, Reason: err.Error()})
		default:
			indexes[eco] = ix
		}
	}

	for _, p := range pkgs {
		ix := indexes[p.Ecosystem]
		if ix == nil {
			continue
		}
		hits, err := ix.Affecting(p.Name, p.Version)
		if err != nil {
			audit.Unchecked = append(audit.Unchecked, Problem{File: p.File, Reason: err.Error()})
			continue
		}
		if len(hits) > 0 {
			audit.Vulnerable = append(audit.Vulnerable, vulnerable(ix, p, hits))
		}
	}
	return audit
}

// namesIn lists the names of the packages of one ecosystem.
func namesIn(pkgs []Package, ecosystem string) []string {
	var out []string
	for _, p := range pkgs {
		if p.Ecosystem == ecosystem {
			out = append(out, p.Name)
		}
	}
	return out
}

func ecosystemsOf(pkgs []Package) []string {
	var out []string
	for _, p := range pkgs {
		if !slices.Contains(out, p.Ecosystem) {
			out = append(out, p.Ecosystem)
		}
	}
	slices.Sort(out)
	return out
}

// vulnerable builds the finding data for a package and the advisories that affect it.
func vulnerable(ix *osvdb.Index, p Package, hits []*osvdb.Advisory) Vulnerable {
	v := Vulnerable{Package: p}
	var fixes []string
	for _, a := range hits {
		adv := Advisory{
			ID:      a.ID,
			Aliases: slices.Clone(a.Aliases),
			Summary: strings.TrimSpace(a.Summary),
			Fixed:   a.FixedVersions(p.Ecosystem, p.Name),
		}
		adv.Severity, adv.Score = severityOf(a)
		v.Advisories = append(v.Advisories, adv)
		fixes = append(fixes, adv.Fixed...)
	}
	v.Upgrade = smallestUpgrade(ix, p, fixes)
	return v
}

// smallestUpgrade returns the lowest fixed version above the installed one that no
// advisory in the database affects. Only fixed versions are candidates: a version
// between them is not known to exist. An advisory that no release fixes leaves every
// candidate affected, and the answer is "".
func smallestUpgrade(ix *osvdb.Index, p Package, fixes []string) string {
	installed, err := semantic.Parse(p.Version, p.Ecosystem)
	if err != nil {
		return ""
	}
	type candidate struct {
		raw string
		v   semantic.Version
	}
	var cands []candidate
	for _, f := range fixes {
		v, err := semantic.Parse(f, p.Ecosystem)
		if err != nil || slices.ContainsFunc(cands, func(c candidate) bool { return c.raw == f }) {
			continue
		}
		if c, err := installed.CompareStr(f); err == nil && c < 0 {
			cands = append(cands, candidate{f, v})
		}
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		c, _ := a.v.CompareStr(b.raw)
		return c
	})

	for _, c := range cands {
		if hits, err := ix.Affecting(p.Name, c.raw); err == nil && len(hits) == 0 {
			return c.raw
		}
	}
	return ""
}

// severityOf rates an advisory: malicious packages (OSV's MAL- records) are critical;
// otherwise the CVSS v3 base score decides, then the source's own rating, then medium.
func severityOf(a *osvdb.Advisory) (rule.Severity, float64) {
	if strings.HasPrefix(a.ID, "MAL-") {
		return rule.Critical, 0
	}
	best := 0.0
	for _, s := range a.Severity {
		if score, ok := cvss3Score(s.Score); ok {
			best = max(best, score)
		}
	}
	if best > 0 {
		return scoreSeverity(best), best
	}
	switch strings.ToUpper(a.DatabaseSpecific.Severity) {
	case "CRITICAL":
		return rule.Critical, 0
	case "HIGH":
		return rule.High, 0
	case "LOW":
		return rule.Low, 0
	}
	return rule.Medium, 0
}

// scoreSeverity maps a CVSS score to rampart's severities with CVSS's own bands.
func scoreSeverity(score float64) rule.Severity {
	switch {
	case score >= 9:
		return rule.Critical
	case score >= 7:
		return rule.High
	case score >= 4:
		return rule.Medium
	}
	return rule.Low
}
