// Command gencorpus writes a benchmark corpus: a generated monorepo of Express and Koa
// applications with vulnerabilities planted at known lines (see internal/corpus).
//
//	go run ./scripts/gencorpus -lines 1000000 -seed 1 -out DIR
//
// It prints the corpus's size and where its manifest is: DIR/.rampart-corpus.json,
// which the corpus's .gitignore keeps out of a scan. It refuses a directory that is not
// empty unless -force is given; with -force, a corpus written there before is removed
// first, so that no file of it is left behind.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/rampart-sec/rampart/internal/corpus"
)

func main() {
	err := run(os.Args[1:], os.Stdout)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	lines := fs.Int("lines", corpus.DefaultLines, "lines of source to aim for")
	seed := fs.Int64("seed", 1, "seed of the names, shapes and fields")
	out := fs.String("out", "", "directory to write the corpus into (required)")
	force := fs.Bool("force", false, "write into a directory that is not empty")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		return errors.New("usage: gencorpus [-lines N] [-seed N] [-force] -out DIR")
	}
	if err := prepare(*out, *force); err != nil {
		return err
	}

	m, err := corpus.Generate(*out, corpus.Options{Lines: *lines, Seed: *seed})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "corpus: %d apps, %d source files, %d source lines (%d files, %d lines "+
		"in all)\n", m.Apps, m.SourceFiles, m.SourceLines, m.Files, m.Lines)
	fmt.Fprintf(stdout, "planted: %d vulnerabilities of %d rules\n", len(m.Planted),
		len(m.Rules()))
	fmt.Fprintf(stdout, "manifest: %s\n", filepath.Join(*out, corpus.ManifestName))
	return nil
}

// prepare checks that dir may be written: missing or empty, or with force anything, an
// earlier corpus being removed.
func prepare(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("read %s: %w", dir, err)
	case len(entries) == 0:
		return nil
	case !force:
		return fmt.Errorf("%s is not empty (use -force to write into it)", dir)
	}
	if err := corpus.Remove(dir); err != nil && !errors.Is(err, corpus.ErrNotCorpus) {
		return err
	}
	return nil
}
