// Command rampart reviews backend and API code for security problems. See the README for
// its subcommands; the work happens in internal/cli.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"

	"github.com/rampart-sec/rampart/internal/cli"
)

// gcPercent makes the collector run a quarter as often as Go's default. A review is a
// short batch job whose syntax trees and program model stay live until the data-flow
// analysis ends; collecting them again and again costs time and frees nothing.
const gcPercent = 400

// memoryLimit is the heap size past which the collector runs as often as it must,
// whatever gcPercent allows: collecting rarely pays off on small repositories, but on
// one of a million lines it would let the heap grow to five times the live model (about
// 600 MB there). 900 MiB keeps such a scan under 1 GiB at the cost of a few collections
// more; a lower limit makes the collector run nearly without pause. The GOMEMLIMIT
// environment variable, when set, takes precedence.
const memoryLimit = 900 << 20

func main() {
	debug.SetGCPercent(gcPercent)
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
