// Package cli implements rampart's command line: subcommands, flags, output files and
// exit codes. It holds no analysis; the commands call the scan and report packages.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/rampart-sec/rampart/internal/scan"
)

// Version is rampart's version, reported by the version command and in every review.
const Version = "0.1.0"

// Exit codes: 1 means the review found something at or above the fail-on threshold.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// env is what a command may touch: its output streams and the process context.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// tune, set only by tests, adjusts the options of every scan, such as its budget.
	tune func(*scan.Options)
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

func commands() []command {
	return []command{
		{"review", "write the security review of a repository to ai/reviews/", runReview},
		{"scan", "print findings to stdout as text, json, markdown or sarif", runScan},
		{"routes", "list the routes of the applications with their middleware", runRoutes},
		{"baseline", "record the current findings, for --baseline to leave out", runBaseline},
		{"rules", "list the rule catalog (--format markdown for the reference)", runRules},
		{"explain", "describe a rule: impact, fix, a vulnerable and a safe example",
			runExplain},
		{"db", "download OSV advisories (db update) or show what is there (db status)",
			runDB},
		{"config", "write a commented .rampart.yaml (config init)", runConfig},
		{"completion", "print a bash, zsh or fish completion script", runCompletion},
		{"version", "print rampart's version", runVersion},
	}
}

// Main runs the command line and returns the process exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	return e.main(args)
}

// main runs the command line args in e.
func (e *env) main(args []string) int {
	stdout, stderr := e.stdout, e.stderr
	if len(args) == 0 {
		usage(stderr)
		return exitError
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return exitCode(stderr, c.run(e, args[1:]))
		}
	}
	fmt.Fprintf(stderr, "rampart: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitError
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "rampart reviews backend and API code for security problems.")
	fmt.Fprintln(w, "\nUsage:\n  rampart <command> [PATH] [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s  %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'rampart <command> -h' for a command's flags.")
}

// foundError means the review found problems at or above the fail-on threshold.
type foundError struct{ count int }

func (e foundError) Error() string {
	return fmt.Sprintf("%d findings at or above the fail-on severity", e.count)
}

// incompleteError means --strict was given and part of the analysis did not run.
type incompleteError struct{ gaps int }

func (e incompleteError) Error() string {
	return fmt.Sprintf("the analysis was incomplete (%d %s, listed in the review's "+
		"preamble), which --strict does not accept", e.gaps, pluralWord(e.gaps, "gap", "gaps"))
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// errHelp is returned when a command printed its help on request.
var errHelp = errors.New("help requested")

// exitCode maps a command's error to the exit code, printing it in one line.
func exitCode(stderr io.Writer, err error) int {
	var found foundError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &found):
		return exitFindings
	}
	fmt.Fprintf(stderr, "rampart: %v\n", err)
	return exitError
}

// logger returns the diagnostics logger: warnings only, or everything with --verbose.
func logger(w io.Writer, verbose bool) *slog.Logger {
	level := slog.LevelWarn
	if verbose {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{
		Level: level,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
}
