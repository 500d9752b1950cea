package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Sizes that shape a corpus.
const (
	// appLines is the most source one application holds; bigger corpora have more
	// applications, as monorepos grow. Every corpus has at least two, so that Express
	// and Koa are both in it.
	appLines = 25_000
	// appFixed is about how many source lines an application's own files (app, server,
	// database, middleware, authentication) take beside its resources.
	appFixed = 400
	// cycleLines is the source over which one cycle of the mix is planted.
	cycleLines = 10_000
	// twinsPerResource is how many safe twins each resource gets.
	twinsPerResource = 2
)

// gen is the state of one generation: the random source, the files written so far and
// where the planting stands.
type gen struct {
	rng   *rand.Rand
	seed  int64
	lines int // target source lines
	files []*source

	source int // source lines written so far
	every  int // source lines between two planted vulnerabilities
	due    int // source lines written since the last one
	next   int // index in mix of the next vulnerable kind
	twin   int // index in mix of the next safe twin
	apps   []*app
}

func newGen(opt Options) *gen {
	return &gen{
		rng:   rand.New(rand.NewPCG(uint64(opt.Seed), 0x5ca1ab1e)),
		seed:  opt.Seed,
		lines: opt.Lines,
		every: cycleLines / len(mix),
		due:   cycleLines / len(mix),
	}
}

// app is one application of the workspace.
type app struct {
	name      string // billing-api
	dir       string // apps/billing-api
	koa       bool
	resources []*resource
	used      map[string]bool // resource names taken
	words     [][]string      // names still to take, in order
}

// workspace writes every application, then the files at the root.
func (g *gen) workspace() {
	n := max(2, (g.lines+appLines-1)/appLines)
	for i := range n {
		a := g.newApp(i)
		g.apps = append(g.apps, a)
		// Each application aims for its share of what is left, so rounding evens out.
		g.app(a, (g.lines-g.source)/(n-i))
	}
	g.root()
}

func (g *gen) newApp(i int) *app {
	name := appNames[i%len(appNames)]
	if round := i / len(appNames); round > 0 {
		name = fmt.Sprintf("%s%d", name, round+1)
	}
	a := &app{name: name + "-api", koa: i%4 == 1, used: make(map[string]bool)}
	a.dir = "apps/" + a.name
	for _, i := range g.rng.Perm(len(nouns)) {
		a.words = append(a.words, []string{nouns[i]})
	}
	return a
}

// app writes an application of about budget source lines: resources until the budget is
// nearly spent, then the files that tie them together.
func (g *gen) app(a *app, budget int) {
	start := g.source
	for g.source-start+appFixed < budget {
		g.resource(a)
	}
	before := g.source
	g.appFiles(a)
	g.due += g.source - before
}

// resource writes the files of one more resource of a: its model, service, controller,
// router and tests, with the extras the planting schedule gives it.
func (g *gen) resource(a *app) {
	r := newResource(g.takeName(a), g.rng, a.koa)
	if len(a.resources) > 0 && g.rng.IntN(2) == 0 {
		r.peer = a.resources[g.rng.IntN(len(a.resources))]
	}
	a.resources = append(a.resources, r)
	xs := g.extras()
	before := g.source
	g.add(writeModel(a, r))
	g.add(writeService(a, r, xs))
	g.add(writeController(a, r, xs))
	g.add(writeRouter(a, r, xs, g.rng))
	g.add(writeRouterTest(a, r))
	g.due += g.source - before
}

// takeName returns the words of the next unused resource name of a.
func (g *gen) takeName(a *app) []string {
	for {
		if len(a.words) == 0 {
			q := qualifiers[g.rng.IntN(len(qualifiers))]
			a.words = append(a.words, []string{q, nouns[g.rng.IntN(len(nouns))]})
		}
		w := a.words[0]
		a.words = a.words[1:]
		if key := strings.Join(w, " "); !a.used[key] {
			a.used[key] = true
			return w
		}
	}
}

// extras returns what the next resource adds to its CRUD: the vulnerability that is due,
// if one is, and safe twins of other kinds.
func (g *gen) extras() []extra {
	var xs []extra
	if g.due >= g.every {
		xs = append(xs, extra{kind: mix[g.next%len(mix)], vulnerable: true})
		g.next++
		g.due -= g.every
	}
	for n := 0; n < twinsPerResource; {
		k := mix[g.twin%len(mix)]
		g.twin++
		if !slices.ContainsFunc(xs, func(x extra) bool { return x.kind == k }) {
			xs = append(xs, extra{kind: k})
			n++
		}
	}
	return xs
}

// add keeps a finished file and counts its source lines.
func (g *gen) add(s *source) {
	if s == nil {
		return
	}
	g.files = append(g.files, s)
	if isSource(s.rel) {
		g.source += s.lines + strings.Count(s.header(), "\n")
	}
}

// manifest counts the files and gathers what was planted.
func (g *gen) manifest() *Manifest {
	m := &Manifest{Seed: g.seed, Apps: len(g.apps)}
	for _, s := range g.files {
		text, planted := s.text()
		n := strings.Count(text, "\n")
		m.Files++
		m.Lines += n
		if isSource(s.rel) {
			m.SourceFiles++
			m.SourceLines += n
		}
		m.Planted = append(m.Planted, planted...)
	}
	slices.SortFunc(m.Planted, func(a, b Planted) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return m
}

// write writes every file under dir.
func (g *gen) write(dir string) error {
	made := make(map[string]bool)
	for _, s := range g.files {
		path := filepath.Join(dir, filepath.FromSlash(s.rel))
		if d := filepath.Dir(path); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("write corpus: %w", err)
			}
			made[d] = true
		}
		text, _ := s.text()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return fmt.Errorf("write corpus: %w", err)
		}
	}
	return nil
}
