package deps

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
)

// Rule reports an installed package version that published advisories affect.
var Rule = &rule.Rule{
	ID:            "deps.known-vulnerability",
	Title:         "Dependency with known vulnerabilities",
	Vulnerability: "Vulnerable and Outdated Components",
	CWE:           []string{"CWE-1395"},
	OWASP:         []string{"A06:2021"},
	Severity:      rule.High,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"any"},
	Description: "A lockfile pins a package version that OSV advisories (GitHub, Go, " +
		"PyPI, RustSec and other sources, malicious packages included) list as " +
		"affected. Severity follows the advisory's CVSS score, one level lower for " +
		"packages needed only in development.",
	Impact: "The application ships code with a published weakness: attackers read the " +
		"same advisories and scan for the versions they name.",
	Fix: "Upgrade to a version that fixes every advisory; for a package that comes in " +
		"through another one, upgrade the parent or pin the version with overrides.",
	FixExample: "npm install lodash@4.17.21",
	Bad:        `"node_modules/lodash": { "version": "4.17.15" }`,
	Good:       `"node_modules/lodash": { "version": "4.17.21" }`,
}

// Rules returns the rules of this package.
func Rules() []*rule.Rule { return []*rule.Rule{Rule} }

// Findings turns the vulnerable packages of an audit into findings, one per package
// version and lockfile.
func Findings(audit *Audit) []finding.Finding {
	out := make([]finding.Finding, 0, len(audit.Vulnerable))
	for _, v := range audit.Vulnerable {
		f := finding.New(Rule, finding.Location{File: v.File, Line: v.Line},
			v.Name+"@"+v.Version)
		f.Title = title(v)
		f.Severity = v.Severity()
		if isRequirements(path.Base(v.File)) {
			f.Confidence = rule.MediumConfidence // a requirements pin may not be what runs
		}
		f.Impact = impact(v)
		f.Fix, f.FixExample = fix(v)
		f.Dependency = dependency(v)
		f.Variant = advisoryIDs(v)
		out = append(out, f)
	}
	return out
}

// advisoryIDs lists the advisories' ids, in order.
func advisoryIDs(v Vulnerable) string {
	ids := make([]string, len(v.Advisories))
	for i, a := range v.Advisories {
		ids[i] = a.ID
	}
	return strings.Join(ids, " ")
}

func title(v Vulnerable) string {
	if len(v.Advisories) == 1 && v.Advisories[0].Summary != "" {
		return v.Name + " " + v.Version + ": " + v.Advisories[0].Summary
	}
	return fmt.Sprintf("%s %s has %d known vulnerabilities", v.Name, v.Version,
		len(v.Advisories))
}

func impact(v Vulnerable) string {
	var parts []string
	for _, a := range v.Advisories {
		label := a.ID
		if len(a.Aliases) > 0 {
			label += ", " + strings.Join(a.Aliases, ", ")
		}
		text := a.Summary
		if text == "" {
			text = "no summary"
		}
		parts = append(parts, text+" ("+label+", "+scoreLabel(a)+")")
	}
	out := "Known problems of this version: " + strings.Join(parts, "; ") + ". " + Rule.Impact
	switch {
	case v.Dev:
		out += " It is a development dependency: it does not run in production, but " +
			"it runs on developer and CI machines with their credentials."
	case v.Relation == Transitive:
		out += " It comes in through another package, so the vulnerable code may only " +
			"be reachable through that package's use of it."
	}
	return out
}

func scoreLabel(a Advisory) string {
	if a.Score > 0 {
		return a.Severity.String() + ", CVSS " + strconv.FormatFloat(a.Score, 'f', 1, 64)
	}
	return a.Severity.String()
}

// fix names the smallest upgrade and the command that makes it with the project's
// package manager.
func fix(v Vulnerable) (text, example string) {
	if v.Upgrade == "" {
		return fmt.Sprintf("No release of %s fixes every advisory listed: replace the "+
			"package or stop using the affected feature, and follow the advisories for "+
			"a fix.", v.Name), ""
	}
	text = fmt.Sprintf("Upgrade %s from %s to %s, the smallest release that fixes every "+
		"advisory listed.", v.Name, v.Version, v.Upgrade)
	if v.Relation == Transitive && v.Ecosystem == "npm" {
		text += fmt.Sprintf(" %s comes in through another package: upgrade that package, "+
			"or pin the version with overrides in package.json (resolutions for yarn).",
			v.Name)
		return text, fmt.Sprintf("\"overrides\": {\n  %q: %q\n}", v.Name, v.Upgrade)
	}
	return text, upgradeCommand(path.Base(v.File), v.Name, v.Upgrade)
}

// upgradeCommand is how each lockfile's package manager installs a version.
func upgradeCommand(lockfile, name, version string) string {
	switch {
	case lockfile == "yarn.lock":
		return "yarn add " + name + "@" + version
	case lockfile == "pnpm-lock.yaml":
		return "pnpm add " + name + "@" + version
	case lockfile == "package-lock.json", lockfile == "npm-shrinkwrap.json":
		return "npm install " + name + "@" + version
	case lockfile == "go.mod":
		return "go get " + name + "@v" + strings.TrimPrefix(version, "v")
	case lockfile == "poetry.lock":
		return "poetry add " + name + "@^" + version
	case lockfile == "Pipfile.lock":
		return "pipenv install " + name + "==" + version
	case lockfile == "uv.lock":
		return "uv add " + name + "==" + version
	case isRequirements(lockfile):
		return name + "==" + version + "  # in " + lockfile
	case lockfile == "composer.lock":
		return "composer require " + name + ":^" + version
	case lockfile == "Gemfile.lock":
		return "bundle update " + name + " --conservative  # Gemfile: gem \"" + name +
			"\", \">= " + version + "\""
	case lockfile == "Cargo.lock":
		return "cargo update -p " + name + " --precise " + version
	case lockfile == "gradle.lockfile":
		return "implementation(\"" + name + ":" + version + "\")  // then " +
			"./gradlew dependencies --write-locks"
	}
	return ""
}

func dependency(v Vulnerable) *finding.Dependency {
	d := &finding.Dependency{
		Ecosystem: v.Ecosystem, Name: v.Name, Version: v.Version,
		Relation: v.Relation.String(), Dev: v.Dev, Upgrade: v.Upgrade,
	}
	for _, a := range v.Advisories {
		d.Advisories = append(d.Advisories, finding.Advisory{
			ID: a.ID, Aliases: a.Aliases, Summary: a.Summary,
			Severity: a.Severity.String(), Score: a.Score, Fixed: a.Fixed,
		})
	}
	return d
}
