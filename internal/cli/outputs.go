package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
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

// look holds what the writers need beyond the review: how text output looks, and the
// reviewed root, whose files SARIF reads to count columns as it should.
type look struct {
	text report.Text
	root string
}

// writer returns the writer of a format that writeOutput has checked.
func (l look) writer(format string) report.Writer {
	switch format {
	case "text":
		return l.text
	case "sarif":
		w, _ := writerFor(format)
		sarif := w.(report.SARIF)
		sarif.Line = sourceLines(l.root)
		return sarif
	}
	w, _ := writerFor(format)
	return w
}

// sourceLines returns a reader of the lines of files under root, each file read once.
// Paths come from the review, so anything that is not a plain path inside the root, or
// that is now a symbolic link, is not read.
func sourceLines(root string) func(file string, line int) (string, bool) {
	if info, err := os.Stat(root); err == nil && !info.IsDir() {
		root = filepath.Dir(root)
	}
	cache := make(map[string][]string)
	return func(file string, line int) (string, bool) {
		lines, seen := cache[file]
		if !seen {
			lines = readLines(root, file)
			cache[file] = lines
		}
		if line < 1 || line > len(lines) {
			return "", false
		}
		return strings.TrimSuffix(lines[line-1], "\r"), true
	}
}

func readLines(root, file string) []string {
	rel := filepath.FromSlash(file)
	if !filepath.IsLocal(rel) {
		return nil
	}
	path := filepath.Join(root, rel)
	if info, err := os.Lstat(path); err != nil || !info.Mode().IsRegular() {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return strings.Split(string(data), "\n")
}

// writeOutputs renders the review in each format and writes it. No more than one output
// may go to stdout, so that two formats never interleave there.
func writeOutputs(stdout io.Writer, rev *report.Review, outs []output, l look) error {
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
		if err := writeOutput(stdout, rev, o, l); err != nil {
			return err
		}
	}
	return nil
}

func writeOutput(stdout io.Writer, rev *report.Review, o output, l look) error {
	if o.path != "-" {
		// A file keeps no colours: it is read later, often not in a terminal.
		l.text.Color, l.text.LinkRoot = false, ""
	}
	w := l.writer(o.format)
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
