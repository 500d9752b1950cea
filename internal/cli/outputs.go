package cli

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rampart-sec/rampart/internal/report"
	"github.com/rampart-sec/rampart/internal/scan"
)

// homePage is where rampart's documentation lives, named in SARIF as the tool's home.
const homePage = "https://github.com/rampart-sec/rampart"

// formatNames lists the output formats in the order help text shows them.
var formatNames = []string{"text", "json", "markdown", "sarif"}

// formatExt is the file extension each format is written with under --output-dir.
var formatExt = map[string]string{
	"text": "txt", "json": "json", "markdown": "md", "sarif": "sarif",
}

// writerFor returns the writer of a named format.
func writerFor(name string) (report.Writer, bool) {
	switch name {
	case "text":
		return report.Text{}, true
	case "json":
		return report.JSON{}, true
	case "markdown":
		return report.Markdown{}, true
	case "sarif":
		return report.SARIF{Rules: scan.Catalog().All(), InformationURI: homePage}, true
	}
	return nil, false
}

func checkFormat(name string) error {
	if _, ok := writerFor(name); !ok {
		return fmt.Errorf("unknown format %q: want %s", name, strings.Join(formatNames, ", "))
	}
	return nil
}

// output is one report to write: a format and a path, "-" for stdout.
type output struct {
	format, path string
}

// outputFlag collects repeated --output FORMAT=PATH flags.
type outputFlag []output

func (o *outputFlag) String() string {
	parts := make([]string, len(*o))
	for i, out := range *o {
		parts[i] = out.format + "=" + out.path
	}
	return strings.Join(parts, ",")
}

func (o *outputFlag) Set(s string) error {
	format, path, ok := strings.Cut(s, "=")
	if !ok || path == "" {
		return fmt.Errorf("want FORMAT=PATH, such as sarif=rampart.sarif, got %q", s)
	}
	if err := checkFormat(format); err != nil {
		return err
	}
	*o = append(*o, output{format: format, path: path})
	return nil
}

// splitFormats parses a comma-separated --format value.
func splitFormats(s string) ([]string, error) {
	var out []string
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		if err := checkFormat(name); err != nil {
			return nil, err
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out, nil
}

// inDir places one file per format in dir, named after the review ID, or "rampart"
// without one.
func inDir(dir, id string, formats []string) []output {
	base := "rampart"
	if id != "" {
		base = id + "_backend_security"
	}
	out := make([]output, len(formats))
	for i, f := range formats {
		out[i] = output{format: f, path: filepath.Join(dir, base+"."+formatExt[f])}
	}
	return out
}

// writeOutputs renders the review in each format and writes it, text with the given
// writer. No more than one output may go to stdout, so that two formats never
// interleave there.
func writeOutputs(stdout io.Writer, rev *report.Review, outs []output, text report.Text) error {
	toStdout := 0
	for _, o := range outs {
		if o.path == "-" {
			toStdout++
		}
	}
	if toStdout > 1 {
		return fmt.Errorf("only one output can go to stdout (-), got %d", toStdout)
	}
	for _, o := range outs {
		if err := writeOutput(stdout, rev, o, text); err != nil {
			return err
		}
	}
	return nil
}

func writeOutput(stdout io.Writer, rev *report.Review, o output, text report.Text) error {
	w, _ := writerFor(o.format)
	if o.format == "text" {
		if o.path != "-" {
			// A file keeps no colours: it is read later, often not in a terminal.
			text.Color, text.LinkRoot = false, ""
		}
		w = text
	}
	var buf bytes.Buffer
	if err := w.Write(&buf, rev); err != nil {
		return err
	}
	if o.path == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := writeFileAtomic(o.path, buf.Bytes()); err != nil {
		return fmt.Errorf("write %s output: %w", o.format, err)
	}
	return nil
}
