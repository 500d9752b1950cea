package cli

import (
	"bufio"
	"fmt"

	"github.com/rampart-sec/rampart/internal/report"
)

// formats are the writers scan can print with.
var formats = map[string]report.Writer{
	"text":     report.Text{},
	"json":     report.JSON{},
	"markdown": report.Markdown{},
}

func runScan(e *env, args []string) error {
	fs := newFlagSet("scan", "[PATH] [--format text|json|markdown] [flags]", e.stderr)
	format := fs.String("format", "text", "output format: text, json or markdown")
	id := fs.String("id", "", "review ID shown in json and markdown output")
	var sf scanFlags
	sf.register(fs, 0)
	root, err := parsePath(fs, args)
	if err != nil {
		return err
	}
	if err := sf.loadConfig(fs, root); err != nil {
		return err
	}
	w, ok := formats[*format]
	if !ok {
		return fmt.Errorf("unknown format %q: want text, json or markdown", *format)
	}
	if *id != "" {
		if err := checkID(*id); err != nil {
			return err
		}
	}

	rev, err := buildReview(e, root, *id, &sf, false)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(e.stdout)
	if err := w.Write(out, rev); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return failOn(&sf.fail, rev)
}
