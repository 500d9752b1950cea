package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/rampart-sec/rampart/internal/baseline"
)

func runBaseline(e *env, args []string) error {
	fs := newFlagSet("baseline", "[PATH] [--out FILE] [flags]", e.stderr)
	out := fs.String("out", "", "write the baseline here (default: "+baseline.FileName+
		" at the reviewed root)")
	var sf scanFlags
	sf.register(fs, 0)
	root, err := parsePath(fs, args)
	if err != nil {
		return err
	}
	if err := sf.loadConfig(fs, root); err != nil {
		return err
	}
	sf.all, sf.baseline = true, ""
	rev, _, err := scanRoot(e, root, "", &sf)
	if err != nil {
		return err
	}
	path := *out
	if path == "" {
		path = filepath.Join(rootDirOf(root), baseline.FileName)
	}
	if err := baseline.New(rev.Findings).Write(path); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stderr, "Baseline of %d findings written to %s\n",
		len(rev.Findings), path)
	return err
}

// rootDirOf returns the directory of a root that may be a single file.
func rootDirOf(root string) string {
	if info, err := os.Stat(root); err == nil && !info.IsDir() {
		return filepath.Dir(root)
	}
	return root
}
