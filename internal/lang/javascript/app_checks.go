package javascript

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

// appCheck is one family of application checks: its rules and the function that runs
// them over the model.
type appCheck struct {
	rules []*rule.Rule
	run   func(c *appChecks, m *appmodel.Model)
}

// appCheckList holds every family; each adds itself from its own file with addAppCheck.
var appCheckList []appCheck

// appRules are the rules of the application checks, in the order families were added.
var appRules []*rule.Rule

// addAppCheck registers a family of application checks. It returns true so that a file
// can register at package initialisation: var _ = addAppCheck(...).
func addAppCheck(rules []*rule.Rule, run func(c *appChecks, m *appmodel.Model)) bool {
	for _, r := range rules {
		r.Absence = true
	}
	appCheckList = append(appCheckList, appCheck{rules: rules, run: run})
	appRules = append(appRules, rules...)
	return true
}

// appChecks collects what the application checks find.
type appChecks struct {
	findings  []finding.Finding
	positives []finding.Positive
	// code is every call and function of the project, collected once for the checks
	// that look at all of it.
	code *exposureCode
}

// reached returns the project's code, collecting it on first use.
func (c *appChecks) reached(m *appmodel.Model) *exposureCode {
	if c.code == nil {
		c.code = reachedCode(m)
	}
	return c.code
}

// CheckApps runs the checks that look at an application as a whole: its middleware, its
// routes and what guards them.
func CheckApps(m *appmodel.Model) ([]finding.Finding, []finding.Positive) {
	c := &appChecks{}
	for _, check := range appCheckList {
		check.run(c, m)
	}
	return c.findings, c.positives
}

// report records a finding of r at pos; title, when set, replaces the rule's.
func (c *appChecks) report(r *rule.Rule, pos model.Pos, title string) *finding.Finding {
	fd := finding.New(r, finding.Location{
		File: pos.File, Line: int(pos.Line), Column: int(pos.Column),
		EndLine: int(pos.EndLine), EndColumn: int(pos.EndColumn),
	}, pos.Text)
	if title != "" {
		// Titles quote paths from the code, which need not be valid UTF-8.
		fd.Title = strings.ToValidUTF8(title, "\uFFFD")
	}
	c.findings = append(c.findings, fd)
	return &c.findings[len(c.findings)-1]
}

func (c *appChecks) positive(title string, pos model.Pos) {
	c.positives = append(c.positives, finding.Positive{
		Title:    strings.ToValidUTF8(title, "\uFFFD"),
		Location: finding.Location{File: pos.File, Line: int(pos.Line)},
	})
}
