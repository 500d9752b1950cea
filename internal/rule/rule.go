// Package rule defines rampart's rule catalog: one typed record per rule holding everything
// a report, the rules listing, SARIF and the explain command need to say about it.
package rule

import (
	"fmt"
	"sort"
	"strings"
)

// Rule is the metadata of one check. The analyzer that implements it keeps the Rule value
// beside its matcher, so the catalog, the reports and the tests read one source.
type Rule struct {
	// ID is stable and namespaced by language, as in "js.sql-injection".
	ID string
	// Title names the problem in a few words: "SQL injection".
	Title string
	// Vulnerability is the class a reader recognises: "SQL Injection".
	Vulnerability string
	// CWE lists weakness ids in the "CWE-89" form, most specific first.
	CWE []string
	// OWASP lists OWASP Top 10 2021 categories in the "A03:2021" form.
	OWASP      []string
	Severity   Severity
	Confidence Confidence
	// Languages the rule applies to, by the names workspace detection uses.
	Languages []string
	// Description says what the rule looks for, for rules and explain.
	Description string
	// Impact says what an attacker can do when the problem is present.
	Impact string
	// Fix says how to remove the problem; FixExample shows the secure code.
	Fix        string
	FixExample string
	// Bad and Good are a minimal vulnerable sample and its safe twin.
	Bad  string
	Good string
	// Absence marks a rule that reports something missing (no limiter, no auth on a
	// route): a review of a change lists it when the change touches its file, not only
	// its line.
	Absence bool
}

// Category returns the OWASP ids with their names, as in "A03:2021 Injection".
func (r *Rule) Category() string {
	names := make([]string, len(r.OWASP))
	for i, id := range r.OWASP {
		names[i] = OWASPName(id)
	}
	return strings.Join(names, ", ")
}

// Catalog is a set of rules keyed by id.
type Catalog struct {
	byID  map[string]*Rule
	rules []*Rule
}

// NewCatalog builds a catalog, refusing duplicate ids and incomplete metadata so that a
// rule can never reach a report without its impact and fix.
func NewCatalog(rules ...*Rule) (*Catalog, error) {
	c := &Catalog{byID: make(map[string]*Rule, len(rules))}
	for _, r := range rules {
		if err := r.validate(); err != nil {
			return nil, err
		}
		if _, dup := c.byID[r.ID]; dup {
			return nil, fmt.Errorf("rule %s: defined twice", r.ID)
		}
		c.byID[r.ID] = r
		c.rules = append(c.rules, r)
	}
	sort.Slice(c.rules, func(i, j int) bool { return c.rules[i].ID < c.rules[j].ID })
	return c, nil
}

// Lookup returns the rule with the given id.
func (c *Catalog) Lookup(id string) (*Rule, bool) {
	r, ok := c.byID[id]
	return r, ok
}

// All returns the rules sorted by id.
func (c *Catalog) All() []*Rule { return c.rules }

func (r *Rule) validate() error {
	missing := func(what string) error { return fmt.Errorf("rule %q: no %s", r.ID, what) }
	switch {
	case r.ID == "":
		return missing("id")
	case r.Title == "":
		return missing("title")
	case r.Vulnerability == "":
		return missing("vulnerability class")
	case len(r.CWE) == 0:
		return missing("CWE")
	case len(r.OWASP) == 0:
		return missing("OWASP category")
	case r.Severity == 0:
		return missing("severity")
	case r.Confidence == 0:
		return missing("confidence")
	case len(r.Languages) == 0:
		return missing("languages")
	case r.Impact == "":
		return missing("impact")
	case r.Fix == "":
		return missing("fix")
	case r.Bad == "" || r.Good == "":
		return missing("examples")
	}
	for _, id := range r.OWASP {
		if _, ok := owaspNames[id]; !ok {
			return fmt.Errorf("rule %q: unknown OWASP category %q", r.ID, id)
		}
	}
	for _, id := range r.CWE {
		if !strings.HasPrefix(id, "CWE-") {
			return fmt.Errorf("rule %q: CWE %q is not in the CWE-NNN form", r.ID, id)
		}
	}
	return nil
}
