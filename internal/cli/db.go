package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/rampart-sec/rampart/internal/deps"
	"github.com/rampart-sec/rampart/internal/osvdb"
)

// Environment variables that choose the advisory database and where it comes from.
const (
	envDBDir  = "RAMPART_DB_DIR"
	envSource = "RAMPART_OSV_SOURCE"
)

// runDB handles `rampart db update` and `rampart db status`.
func runDB(e *env, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: rampart db update|status [flags]")
	}
	switch args[0] {
	case "update":
		return runDBUpdate(e, args[1:])
	case "status":
		return runDBStatus(e, args[1:])
	}
	return fmt.Errorf("unknown db command %q (want update or status)", args[0])
}

// dbDirFlag registers --db-dir; dir resolves it.
type dbDirFlag struct{ value string }

func (d *dbDirFlag) register(fs *flag.FlagSet) {
	fs.StringVar(&d.value, "db-dir", "", "the OSV advisory database directory (default $"+
		envDBDir+", else rampart/osv under the user cache directory)")
}

// dir returns the database directory: the flag, the environment, or the default.
func (d *dbDirFlag) dir() (string, error) {
	if d.value != "" {
		return d.value, nil
	}
	if env := os.Getenv(envDBDir); env != "" {
		return env, nil
	}
	return osvdb.DefaultDir()
}

func runDBUpdate(e *env, args []string) error {
	fs := newFlagSet("db update", "[ECOSYSTEM...] [flags]", e.stderr)
	var db dbDirFlag
	db.register(fs)
	source := fs.String("source", "", "base URL laid out like OSV's bucket, "+
		"BASE/<ecosystem>/all.zip (default $"+envSource+", else "+osvdb.DefaultSource+")")
	ecosystems, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(ecosystems) == 0 {
		ecosystems = deps.Ecosystems()
	}
	for _, eco := range ecosystems {
		if !slices.Contains(deps.Ecosystems(), eco) {
			return fmt.Errorf("unknown ecosystem %q (want one of %s)", eco,
				strings.Join(deps.Ecosystems(), ", "))
		}
	}
	dir, err := db.dir()
	if err != nil {
		return err
	}
	if *source == "" {
		*source = os.Getenv(envSource)
	}

	bar := &downloadProgress{w: e.stderr, redraw: isTerminal(e.stderr)}
	u := &osvdb.Updater{Dir: dir, Source: *source, Progress: bar.update}
	err = u.Update(e.ctx, ecosystems)
	bar.finish()
	if err != nil {
		return fmt.Errorf("update the advisory database in %s: %w", dir, err)
	}
	fmt.Fprintf(e.stderr, "Advisory database updated in %s\n", dir)
	return nil
}

func runDBStatus(e *env, args []string) error {
	fs := newFlagSet("db status", "[flags]", e.stderr)
	var db dbDirFlag
	db.register(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	dir, err := db.dir()
	if err != nil {
		return err
	}
	metas, err := osvdb.Status(dir)
	if err != nil {
		return fmt.Errorf("read the advisory database in %s: %w", dir, err)
	}
	return writeStatus(e.stdout, dir, metas, time.Now())
}

// writeStatus prints one line per ecosystem: advisories, size, age and source.
func writeStatus(w io.Writer, dir string, metas []osvdb.Meta, now time.Time) error {
	if len(metas) == 0 {
		_, err := fmt.Fprintf(w, "No advisory database in %s: run rampart db update\n", dir)
		return err
	}
	lines := []string{"Advisory database in " + dir}
	for _, m := range metas {
		lines = append(lines, fmt.Sprintf("  %-10s %7d advisories  %9s  fetched %s (%s)  from %s",
			m.Ecosystem, m.Advisories, sizeLabel(m.Size), m.FetchedAt.UTC().Format(time.DateTime),
			ageLabel(now.Sub(m.FetchedAt)), m.Source))
	}
	_, err := fmt.Fprintln(w, strings.Join(lines, "\n"))
	return err
}

// ageLabel spells a duration the way people say how old something is.
func ageLabel(d time.Duration) string {
	switch {
	case d < time.Hour:
		return "less than an hour ago"
	case d < 48*time.Hour:
		return fmt.Sprintf("%d hours ago", int(d.Hours()))
	}
	return fmt.Sprintf("%d days ago", int(d.Hours()/24))
}

func sizeLabel(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// downloadProgress shows each archive's download on stderr: redrawn in place on a
// terminal, else one line per ecosystem when it is complete.
type downloadProgress struct {
	w      io.Writer
	redraw bool

	mu          sync.Mutex
	eco         string
	done, total int64
	drawn       time.Time
}

func (p *downloadProgress) update(eco string, done, total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if eco != p.eco {
		p.flush()
		p.eco = eco
	}
	p.done, p.total = done, total
	if p.redraw && time.Since(p.drawn) >= progressEvery {
		fmt.Fprintf(p.w, "\r\x1b[K%s", p.line())
		p.drawn = time.Now()
	}
}

// flush ends the current ecosystem's line.
func (p *downloadProgress) flush() {
	if p.eco == "" {
		return
	}
	if p.redraw {
		fmt.Fprintf(p.w, "\r\x1b[K")
	}
	fmt.Fprintln(p.w, p.line())
}

func (p *downloadProgress) line() string {
	if p.total > 0 {
		return fmt.Sprintf("%s: %s of %s", p.eco, sizeLabel(p.done), sizeLabel(p.total))
	}
	return fmt.Sprintf("%s: %s", p.eco, sizeLabel(p.done))
}

func (p *downloadProgress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.flush()
	p.eco = ""
}
