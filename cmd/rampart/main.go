// Command rampart reviews backend and API code for security problems. See the README for
// its subcommands; the work happens in internal/cli.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/rampart-sec/rampart/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
