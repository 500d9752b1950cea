package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/rampart-sec/rampart/internal/appmodel"
)

func runRoutes(e *env, args []string) error {
	fs := newFlagSet("routes", "[PATH] [flags]", e.stderr)
	var sf scanFlags
	sf.register(fs, 0)
	root, err := parsePath(fs, args)
	if err != nil {
		return err
	}
	if err := sf.loadConfig(fs, root); err != nil {
		return err
	}
	sf.appModel = true
	_, res, err := scanRoot(e, root, "", &sf)
	if err != nil {
		return err
	}
	return writeRoutes(e.stdout, res.App)
}

// writeRoutes prints the application model as a table: each route with what guards it.
func writeRoutes(w io.Writer, app *appmodel.Model) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "METHOD\tPATH\tAUTH\tLIMITER\tVALIDATION\tLOCATION")
	for _, r := range app.Routes {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s:%d\n", r.Method, r.Path,
			names(r, appmodel.Auth), names(r, appmodel.Limiter),
			names(r, appmodel.Validation), r.Pos.File, r.Pos.Line)
	}
	if len(app.Routes) == 0 {
		fmt.Fprintln(tw, "(no routes found)")
	}
	return tw.Flush()
}

// names lists the route's middleware of a kind, "-" when there is none.
func names(r *appmodel.Route, k appmodel.Kind) string {
	var out []string
	for _, m := range r.Chain {
		if m.Is(k) {
			name := m.Name
			if len(name) > 24 {
				name = name[:23] + "…"
			}
			out = append(out, name)
		}
	}
	if len(out) == 0 {
		return "-"
	}
	return strings.Join(out, ", ")
}
