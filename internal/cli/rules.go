package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/rampart-sec/rampart/internal/report"
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/scan"
)

func runRules(e *env, args []string) error {
	fs := newFlagSet("rules", "[--format text|markdown]", e.stderr)
	format := fs.String("format", "text", "text (a table) or markdown (the reference in "+
		"docs/rules.md)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	switch *format {
	case "markdown":
		return report.RulesMarkdown(e.stdout, scan.Catalog().All())
	case "text":
	default:
		return fmt.Errorf("unknown format %q: want text or markdown", *format)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tCWE\tOWASP\tLANGUAGES\tTITLE")
	for _, r := range scan.Catalog().All() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity,
			strings.Join(r.CWE, ","), strings.Join(r.OWASP, ","),
			strings.Join(r.Languages, ","), r.Title)
	}
	return tw.Flush()
}

func runExplain(e *env, args []string) error {
	fs := newFlagSet("explain", "RULE-ID", e.stderr)
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(ids) != 1 {
		return fmt.Errorf("explain takes one rule id, such as js.sql-injection " +
			"(rampart rules lists them)")
	}
	catalog := scan.Catalog()
	r, ok := catalog.Lookup(ids[0])
	if !ok {
		return fmt.Errorf("no rule %q%s", ids[0], suggest(catalog.All(), ids[0]))
	}
	return report.ExplainRule(e.stdout, r)
}

// suggest names the rules whose id contains the asked one, or that it contains, as
// "sql-injection" finds js.sql-injection.
func suggest(rules []*rule.Rule, asked string) string {
	asked = strings.ToLower(asked)
	var near []string
	for _, r := range rules {
		if strings.Contains(r.ID, asked) || strings.Contains(asked, r.ID) {
			near = append(near, r.ID)
		}
	}
	if len(near) == 0 || len(near) > 5 {
		return " (rampart rules lists them)"
	}
	return "; did you mean " + strings.Join(near, ", ") + "?"
}

func runVersion(e *env, args []string) error {
	fs := newFlagSet("version", "", e.stderr)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	_, err := fmt.Fprintf(e.stdout, "rampart %s\n", Version)
	return err
}
