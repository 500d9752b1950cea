package cli

import (
	"fmt"

	"github.com/rampart-sec/rampart/internal/config"
)

// runConfig handles `rampart config init [PATH] [--force]`.
func runConfig(e *env, args []string) error {
	if len(args) == 0 || args[0] != "init" {
		return fmt.Errorf("usage: rampart config init [PATH] [--force]")
	}
	fs := newFlagSet("config init", "[PATH] [--force]", e.stderr)
	force := fs.Bool("force", false, "replace an existing .rampart.yaml")
	root, err := parsePath(fs, args[1:])
	if err != nil {
		return err
	}
	path, err := config.WriteTemplate(root, *force)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stderr, "Wrote %s\n", path)
	return err
}
