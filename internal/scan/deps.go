package scan

import (
	"context"
	"slices"
	"time"

	"github.com/rampart-sec/rampart/internal/deps"
	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/osvdb"
	"github.com/rampart-sec/rampart/internal/report"
	"github.com/rampart-sec/rampart/internal/workspace"
)

// DefaultMaxAdvisoryAge is how old the advisory database may be before a review says it
// is out of date.
const DefaultMaxAdvisoryAge = 7 * 24 * time.Hour

// checkDependencies reads the lockfiles among the manifests and checks their packages
// against the advisory database. What it could not check goes into the coverage, so
// that the review never passes over dependencies in silence.
func checkDependencies(ctx context.Context, manifests []workspace.File, opt Options) (
	[]finding.Finding, *report.Dependencies) {
	files := make([]deps.File, 0, len(manifests))
	cov := &report.Dependencies{}
	for _, m := range manifests {
		files = append(files, deps.File{Rel: m.Rel, Content: m.Content})
		if deps.IsLockfile(m.Rel) {
			cov.Lockfiles++
		}
	}
	pkgs, problems := deps.Extract(ctx, files)
	cov.Packages = len(pkgs)
	for _, p := range problems {
		cov.Problems = append(cov.Problems, report.Skip{File: p.File, Reason: p.Reason})
	}
	if len(pkgs) == 0 {
		cov.Database = report.DatabaseUnused
		return nil, cov
	}

	ecosystems := ecosystemsOf(pkgs)
	if opt.Advisories == "" {
		cov.Database = report.DatabaseMissing
		cov.Missing = ecosystems
		return nil, cov
	}
	audit := deps.Check(opt.Advisories, pkgs)
	for _, m := range audit.Missing {
		cov.Missing = append(cov.Missing, m.File)
		if m.Reason != "not downloaded" {
			cov.Problems = append(cov.Problems, report.Skip{
				File: "advisory database (" + m.File + ")", Reason: m.Reason,
			})
		}
	}
	for _, p := range audit.Unchecked {
		cov.Problems = append(cov.Problems, report.Skip{File: p.File, Reason: p.Reason})
	}
	for _, eco := range ecosystems {
		if !slices.Contains(cov.Missing, eco) {
			cov.Ecosystems = append(cov.Ecosystems, eco)
		}
	}
	cov.Database = freshness(opt, cov)
	return deps.Findings(audit), cov
}

// freshness rates the database by its oldest archive among the ecosystems checked.
func freshness(opt Options, cov *report.Dependencies) string {
	if len(cov.Ecosystems) == 0 {
		return report.DatabaseMissing
	}
	metas, err := osvdb.Status(opt.Advisories)
	if err != nil {
		return report.DatabaseStale
	}
	var oldest time.Time
	for _, m := range metas {
		if slices.Contains(cov.Ecosystems, m.Ecosystem) &&
			(oldest.IsZero() || m.FetchedAt.Before(oldest)) {
			oldest = m.FetchedAt
		}
	}
	maxAge := opt.MaxAdvisoryAge
	if maxAge <= 0 {
		maxAge = DefaultMaxAdvisoryAge
	}
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	cov.MaxAgeDays = int(maxAge / (24 * time.Hour))
	switch {
	case oldest.IsZero():
		return report.DatabaseStale // no metadata: the age is unknown
	case now().Sub(oldest) > maxAge:
		cov.FetchedAt = oldest.UTC().Format(time.DateOnly)
		return report.DatabaseStale
	}
	return report.DatabaseCurrent
}

func ecosystemsOf(pkgs []deps.Package) []string {
	var out []string
	for _, p := range pkgs {
		if !slices.Contains(out, p.Ecosystem) {
			out = append(out, p.Ecosystem)
		}
	}
	slices.Sort(out)
	return out
}

// secretFiles are the configuration files read for secrets, with the manifests that
// people write (package.json, pom.xml, requirements files): generated lockfiles hold
// hashes, not credentials.
func secretFiles(ws *workspace.Result) []workspace.File {
	files := slices.Clone(ws.Config)
	for _, m := range ws.Manifests {
		if !deps.IsGenerated(m.Rel) {
			files = append(files, m)
		}
	}
	return files
}
