package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/rampart-sec/rampart/internal/scan"
)

func runRules(e *env, args []string) error {
	fs := newFlagSet("rules", "", e.stderr)
	if _, err := parse(fs, args); err != nil {
		return err
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

func runVersion(e *env, args []string) error {
	fs := newFlagSet("version", "", e.stderr)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	_, err := fmt.Fprintf(e.stdout, "rampart %s\n", Version)
	return err
}
