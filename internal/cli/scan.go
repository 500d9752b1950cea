package cli

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
)

func runScan(e *env, args []string) error {
	fs := newFlagSet("scan", "[PATH] [--format FORMAT[,FORMAT]] [--output-dir DIR] [flags]",
		e.stderr)
	format := fs.String("format", "text", "output format, or a comma-separated list with "+
		"--output-dir: "+strings.Join(formatNames, ", "))
	outDir := fs.String("output-dir", "", "write one file per format into this directory")
	var outs outputFlag
	fs.Var(&outs, "output", "also write FORMAT=PATH, such as sarif=rampart.sarif "+
		"(repeatable; PATH - is stdout)")
	noColor := fs.Bool("no-color", false, "no colours in text output (also NO_COLOR=1)")
	id := fs.String("id", "", "review ID shown in json, markdown and file names")
	var sf scanFlags
	sf.register(fs, 0)
	root, err := parsePath(fs, args)
	if err != nil {
		return err
	}
	if err := sf.loadConfig(fs, root); err != nil {
		return err
	}
	if *id != "" {
		if err := checkID(*id); err != nil {
			return err
		}
	}
	formatSet := false
	fs.Visit(func(f *flag.Flag) { formatSet = formatSet || f.Name == "format" })
	targets, err := scanTargets(*format, formatSet, *outDir, *id, outs)
	if err != nil {
		return err
	}

	rev, err := buildReview(e, root, *id, &sf, false)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(e.stdout)
	l := look{text: textFor(root, colorWanted(e.stdout, *noColor)), root: root}
	if err := writeOutputs(out, rev, targets, l); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return sf.verdict(rev)
}

// scanTargets decides where each report goes: the --format list into --output-dir, or the
// one format to stdout, and every --output.
func scanTargets(format string, formatSet bool, dir, id string, outs outputFlag) (
	[]output, error) {
	formats, err := splitFormats(format)
	if err != nil {
		return nil, err
	}
	var targets []output
	switch {
	case dir != "":
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("--output-dir: %w", err)
		}
		targets = inDir(dir, id, formats)
	case len(formats) > 1:
		return nil, fmt.Errorf("--format lists %d formats: give --output-dir to write "+
			"them to files", len(formats))
	case len(outs) == 0 || formatSet:
		// An explicit --format goes to stdout beside any --output; the default text
		// report gives way to the --output files.
		targets = []output{{format: formats[0], path: "-"}}
	}
	return append(targets, outs...), nil
}
