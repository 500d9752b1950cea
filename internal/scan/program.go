package scan

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/cache"
	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/lang/javascript"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/report"
	"github.com/rampart-sec/rampart/internal/suppress"
	"github.com/rampart-sec/rampart/internal/taint"
	"github.com/rampart-sec/rampart/internal/wire"
	"github.com/rampart-sec/rampart/internal/workspace"
)

// partLines is the size a part of the program grows to before the next one starts. The
// analyses of a part are cached together, so a change costs the analysis of its part:
// parts should be small enough that this is quick, and large enough that their fixed
// costs (catalogs, the engine's set-up) do not add up. Tests change it.
var partLines = 10_000

// part is a set of modules that import nothing outside it: data cannot flow, and no
// app can mount a router or middleware, across its border, so its whole-program
// analyses depend on its own modules alone.
type part struct {
	// members index the outcomes of the part's files, in path order.
	members []int
	// key addresses the part's analyses in the cache; nil when one of its files has no
	// cache key (no cache, or a file analysed only in part).
	key *cache.Key
}

// partResult is what the whole-program analyses found in one part.
type partResult struct {
	flows, appFindings []finding.Finding
	positives          []finding.Positive
	err                error
}

// wholeProgram runs the analyses that need many modules at once: the application checks
// and the data flows, which cross files. They run part by part (see part), on all
// workers, each part from the cache when none of its files changed; only the modules
// of the parts analysed again are decoded from the cache. The model of every
// application, which only `rampart routes` shows, is built when opt.AppModel asks.
func wholeProgram(ctx context.Context, res *Result, outcomes []outcome, ws *workspace.Result,
	opt Options, session *cache.Session, log *slog.Logger) error {
	appCat, err := javascript.AppCatalog()
	if err != nil {
		return err
	}
	cat := *appCat
	cat.Named = opt.Middleware
	gaps := &gapList{}
	stage := func(name string, run func()) { gaps.add(guard("", name, run, log)) }

	var paths []string
	for i := range outcomes {
		if outcomes[i].hasModule() {
			paths = append(paths, outcomes[i].rel)
		}
	}
	resolver := javascript.NewResolver(paths)
	res.App = &appmodel.Model{}
	if opt.AppModel {
		mods := loadModules(outcomes)
		stage("linking of modules", func() { resolver.Link(mods) })
		stage("application model", func() { res.App = appmodel.Build(mods, &cat) })
	}

	extra := flowCatalog(ws, opt)
	parts := partition(outcomes, resolver, catalogDigest(extra, &cat))
	results := make([]partResult, len(parts))
	err = parallel(ctx, len(parts), opt.Workers, func(i int) {
		an := partAnalysis{resolver: resolver, apps: &cat, flows: extra, session: session,
			stage: stage}
		results[i] = an.run(&parts[i], outcomes)
	})
	if err != nil {
		return err
	}

	var flows, appFindings []finding.Finding
	var appPositives []finding.Positive
	for _, r := range results {
		if r.err != nil {
			return fmt.Errorf("data flow: %w", r.err)
		}
		flows = append(flows, r.flows...)
		appFindings = append(appFindings, r.appFindings...)
		appPositives = append(appPositives, r.positives...)
	}
	res.Scope.Incomplete = append(res.Scope.Incomplete, gaps.sorted()...)
	merge(res, outcomes, flows, appFindings, appPositives)
	return nil
}

// loadModules returns the modules of every file that was lowered, decoding those from
// the cache.
func loadModules(outcomes []outcome) []*model.Module {
	var mods []*model.Module
	for i := range outcomes {
		if m := outcomes[i].loadModule(); m != nil {
			mods = append(mods, m)
		}
	}
	return mods
}

// merge adds the whole-program findings to the per-file ones, fingerprints them, applies
// the suppressions and sorts everything.
func merge(res *Result, outcomes []outcome, flows, appFindings []finding.Finding,
	appPositives []finding.Positive) {
	all := append(javascript.MergeFindings(res.Findings, flows), appFindings...)
	finding.Fingerprint(all)
	silenced := suppress.Apply(directivesOf(outcomes), all)
	finding.Fingerprint(silenced.Problems)
	res.Findings = append(silenced.Kept, silenced.Problems...)
	res.Suppressed = silenced.Suppressed
	res.Positives = finding.SortPositives(append(res.Positives, appPositives...))
	finding.Sort(res.Findings)
	finding.Sort(res.Suppressed)
}

// partAnalysis is what the analysis of a part needs besides the part.
type partAnalysis struct {
	resolver *javascript.Resolver
	apps     *appmodel.Catalog
	flows    *taint.Catalog
	session  *cache.Session
	stage    func(string, func())
}

// run runs the application checks and the data flows of one part, or reads them from the
// cache.
func (an partAnalysis) run(p *part, outcomes []outcome) partResult {
	if p.key != nil && an.session != nil {
		if data, ok := an.session.Get(*p.key); ok {
			if r, ok := decodePart(data); ok {
				return r
			}
		}
	}

	var mods []*model.Module
	for _, i := range p.members {
		if m := outcomes[i].loadModule(); m != nil {
			mods = append(mods, m)
		}
	}
	var r partResult
	failed := false
	guarded := func(name string, run func()) {
		ok := false
		an.stage(name, func() { run(); ok = true })
		failed = failed || !ok
	}
	guarded("linking of modules", func() { an.resolver.Link(mods) })
	guarded("application checks", func() {
		r.appFindings, r.positives = javascript.CheckApps(appmodel.Build(mods, an.apps))
	})
	guarded("data-flow analysis", func() {
		r.flows, r.err = javascript.FollowFlows(mods, an.flows)
	})
	if p.key != nil && an.session != nil && !failed && r.err == nil {
		an.session.Put(*p.key, encodePart(&r))
	}
	return r
}

// partition splits the lowered files into parts: the connected components of the
// import graph, small ones grouped in path order until a part reaches partLines.
func partition(outcomes []outcome, resolver *javascript.Resolver, digest []byte) []part {
	index := make(map[string]int, len(outcomes))
	for i := range outcomes {
		if outcomes[i].hasModule() {
			index[outcomes[i].rel] = i
		}
	}
	uf := newUnionFind(len(outcomes))
	for i := range outcomes {
		for _, spec := range outcomes[i].specs {
			if j, ok := index[resolver.Resolve(outcomes[i].rel, spec)]; ok {
				uf.union(i, j)
			}
		}
	}

	// Components in the order of their first file; files in path order within each.
	var comps [][]int
	compOf := make(map[int]int)
	for i := range outcomes {
		if !outcomes[i].hasModule() {
			continue
		}
		root := uf.find(i)
		c, ok := compOf[root]
		if !ok {
			c = len(comps)
			compOf[root] = c
			comps = append(comps, nil)
		}
		comps[c] = append(comps[c], i)
	}
	return group(comps, outcomes, digest)
}

// group packs components into parts of about partLines lines.
func group(comps [][]int, outcomes []outcome, digest []byte) []part {
	var parts []part
	var members []int
	lines := 0
	flush := func() {
		if len(members) > 0 {
			parts = append(parts, newPart(members, outcomes, digest))
			members, lines = nil, 0
		}
	}
	for _, c := range comps {
		members = append(members, c...)
		for _, i := range c {
			lines += outcomes[i].lines
		}
		if lines >= partLines {
			flush()
		}
	}
	flush()
	return parts
}

func newPart(members []int, outcomes []outcome, digest []byte) part {
	slices.Sort(members)
	p := part{members: members}
	keyParts := [][]byte{build(), []byte("program"), {outcomeVersion}, digest}
	for _, i := range members {
		if k := outcomes[i].key; k == nil {
			keyParts = nil
		} else if keyParts != nil {
			keyParts = append(keyParts, k[:])
		}
	}
	if keyParts != nil {
		k := cache.NewKey(keyParts...)
		p.key = &k
	}
	return p
}

// catalogDigest sums up what, besides the modules, the whole-program analyses depend
// on: the project's own sources, sinks and sanitizers, its view templates and its named
// middleware. fmt prints maps in key order, so equal catalogs give equal digests.
func catalogDigest(extra *taint.Catalog, cat *appmodel.Catalog) []byte {
	return []byte(fmt.Sprintf("%#v\x00%#v", extra, cat.Named))
}

// unionFind joins indexes into sets.
type unionFind []int

func newUnionFind(n int) unionFind {
	uf := make(unionFind, n)
	for i := range uf {
		uf[i] = i
	}
	return uf
}

func (uf unionFind) find(i int) int {
	for uf[i] != i {
		uf[i] = uf[uf[i]]
		i = uf[i]
	}
	return i
}

func (uf unionFind) union(a, b int) {
	if ra, rb := uf.find(a), uf.find(b); ra != rb {
		uf[max(ra, rb)] = min(ra, rb)
	}
}

// gapList gathers the gaps of stages that run side by side.
type gapList struct {
	mu   sync.Mutex
	gaps []report.Incomplete
}

func (g *gapList) add(gap *report.Incomplete) {
	if gap == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if !slices.Contains(g.gaps, *gap) {
		g.gaps = append(g.gaps, *gap)
	}
}

// sorted returns the gaps in order of their reasons, each once.
func (g *gapList) sorted() []report.Incomplete {
	slices.SortFunc(g.gaps, func(a, b report.Incomplete) int {
		return strings.Compare(a.Reason, b.Reason)
	})
	return g.gaps
}

// encodePart writes what the whole-program analyses found in a part.
func encodePart(r *partResult) []byte {
	w := wire.NewWriter(nil)
	w.Uint(outcomeVersion)
	writeFindings(w, r.flows)
	writeFindings(w, r.appFindings)
	writePositives(w, r.positives)
	return w.Buf
}

func decodePart(data []byte) (partResult, bool) {
	r := wire.NewReader(data)
	if r.Uint() != outcomeVersion {
		return partResult{}, false
	}
	res := partResult{flows: readFindings(r), appFindings: readFindings(r),
		positives: readPositives(r)}
	if r.Done() != nil {
		return partResult{}, false
	}
	return res, true
}
