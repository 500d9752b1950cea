package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Shapes of the handlers an Express router writes inline.
const (
	wrappedHandlers = iota // async handlers wrapped by asyncHandler
	tryHandlers            // async handlers with their own try and catch
	chainedHandlers        // promise chains ending in .catch(next)
)

// routeWriter writes a resource's router: the CRUD routes through the controller and
// the handlers written inline.
type routeWriter struct {
	s *source
	r *resource
	web
	style int
}

// handle writes a route whose async handler body fills b; mw are middleware names put
// before the handler.
func (w *routeWriter) handle(method, path string, body func(b block), mw ...string) {
	pre := ""
	for _, m := range mw {
		pre += m + ", "
	}
	switch {
	case w.koa:
		w.s.addf("router.%s('%s', %sasync (ctx) => {", method, path, pre)
		body(block{s: w.s, indent: "  "})
		w.s.add("});", "")
	case w.style == tryHandlers:
		w.s.addf("router.%s('%s', %sasync (req, res, next) => {", method, path, pre)
		w.s.add("  try {")
		body(block{s: w.s, indent: "    "})
		w.s.add("  } catch (err) {", "    next(err);", "  }", "});", "")
	default:
		w.s.need("../middleware/errors", "asyncHandler")
		w.s.addf("router.%s('%s', %sasyncHandler(async (req, res) => {", method, path, pre)
		body(block{s: w.s, indent: "  "})
		w.s.add("}));", "")
	}
}

// toController writes a route handled by a controller method.
func (w *routeWriter) toController(method, path, name string, mw ...string) {
	pre := ""
	for _, m := range mw {
		pre += m + ", "
	}
	if w.koa {
		w.s.addf("router.%s('%s', %s(ctx) => controller.%s(ctx));", method, path, pre, name)
		return
	}
	w.s.addf("router.%s('%s', %s(req, res, next) => controller.%s(req, res).catch(next));",
		method, path, pre, name)
}

// service names the resource's service module in the router.
func (w *routeWriter) service() string { return w.r.plural }

// writeRouter writes the router of r with its extras.
func writeRouter(a *app, r *resource, xs []extra, rng *rand.Rand) *source {
	s := newSource(a.dir+"/src/routes/"+r.path+".js", commonJS)
	w := &routeWriter{s: s, r: r, web: web{koa: r.koa}, style: r.style}
	w.head()
	for _, inline := range pickInline(rng) {
		inline(w)
	}
	for _, x := range xs {
		if x.kind.route != nil {
			x.kind.route(w, x.vulnerable)
		}
	}
	w.crud()
	s.add("", "module.exports = router;")
	return s
}

func (w *routeWriter) head() {
	r, s := w.r, w.s
	s.need("../middleware/auth", "requireAuth")
	s.need("../controllers/"+r.path+".controller", r.typ+"Controller")
	if w.koa {
		s.use("@koa/router", "Router")
		s.addf("const router = new Router({ prefix: '/api/%s' });", r.path)
	} else {
		s.use("express", "express")
		s.add("const router = express.Router();")
	}
	requireService(s, r, "../services/"+r.path+".service")
	s.addf("const controller = new %sController(%s);", r.typ, w.service())
	s.add("", "router.use(requireAuth);", "")
}

// crud routes the record itself through the controller, after the fixed paths so that
// /:id does not shadow them.
func (w *routeWriter) crud() {
	r, s := w.r, w.s
	s.need("../middleware/validate", "validate")
	s.need("../models/"+r.name, r.name+"Schema")
	schema := r.name + "Schema"
	w.toController("get", "/", "list")
	w.toController("post", "/", "create", "validate("+schema+")")
	w.toController("get", "/:id", "show")
	w.toController("patch", "/:id", "update", "validate("+schema+", { partial: true })")
	w.toController("delete", "/:id", "remove")
}

// inlineHandlers are the handlers a router may write beside its CRUD.
var inlineHandlers = []func(w *routeWriter){
	(*routeWriter).searchRoute,
	(*routeWriter).statsRoute,
	(*routeWriter).exportRoute,
	(*routeWriter).recentRoute,
	(*routeWriter).bulkRoute,
}

// pickInline chooses two to four of the inline handlers, in their order.
func pickInline(rng *rand.Rand) []func(w *routeWriter) {
	n := 2 + rng.IntN(3)
	keep := rng.Perm(len(inlineHandlers))[:n]
	var out []func(w *routeWriter)
	for i, h := range inlineHandlers {
		for _, k := range keep {
			if k == i {
				out = append(out, h)
			}
		}
	}
	return out
}

func (w *routeWriter) searchRoute() {
	w.handle("get", "/search", func(b block) {
		b.addf("const term = String(%s || '').trim();", w.query("q"))
		b.add("if (term.length < 2) {")
		b.in().add(w.fail(400, "query too short"))
		b.add("}")
		b.addf("const limit = Math.min(parseInt(%s, 10) || 20, 100);", w.query("limit"))
		b.addf("const rows = await %s.search(%s, term, limit);", w.service(), w.user())
		b.add(w.send("{ data: rows, count: rows.length }"))
	})
}

func (w *routeWriter) statsRoute() {
	w.handle("get", "/stats", func(b block) {
		b.addf("const days = await %s.stats(%s);", w.service(), w.user())
		b.add("const total = days.reduce((sum, day) => sum + day.total, 0);")
		b.add(w.send("{ days, total }"))
	})
}

func (w *routeWriter) exportRoute() {
	r := w.r
	cols := []string{"id"}
	cells := []string{"row.id"}
	for _, f := range r.fields {
		cols = append(cols, f.name)
		cells = append(cells, fmt.Sprintf("csvCell(row.%s)", f.name))
	}
	w.s.add("function csvCell(value) {",
		"  const text = value === undefined || value === null ? '' : String(value);",
		"  return /[\",\\n]/.test(text) ? `\"${text.replace(/\"/g, '\"\"')}\"` : text;",
		"}", "")
	w.handle("get", "/export.csv", func(b block) {
		b.addf("const rows = await %s.list(%s, { limit: 100, offset: 0 });", w.service(), w.user())
		b.addf("const header = '%s';", strings.Join(cols, ","))
		b.addf("const lines = rows.map((row) => [%s].join(','));", strings.Join(cells, ", "))
		if w.koa {
			b.addf("ctx.attachment('%s.csv');", r.path)
			b.add("ctx.type = 'text/csv';", "ctx.body = [header, ...lines].join('\\n');")
			return
		}
		b.addf("res.attachment('%s.csv');", r.path)
		b.add("res.type('text/csv').send([header, ...lines].join('\\n'));")
	})
}

func (w *routeWriter) recentRoute() {
	if w.koa || w.style != chainedHandlers {
		w.handle("get", "/recent", func(b block) {
			b.addf("const rows = await %s.list(%s, { limit: 10, sort: 'newest' });", w.service(),
				w.user())
			b.add(w.send("{ data: rows }"))
		})
		return
	}
	w.s.add("router.get('/recent', (req, res, next) => {")
	w.s.addf("  %s", w.service())
	w.s.add("    .list(req.user.id, { limit: 10, sort: 'newest' })",
		"    .then((rows) => res.json({ data: rows }))", "    .catch(next);", "});", "")
}

func (w *routeWriter) bulkRoute() {
	w.handle("post", "/bulk-delete", func(b block) {
		b.addf("const ids = Array.isArray(%s) ? %s.slice(0, 100).map(String) : [];",
			w.field("ids"), w.field("ids"))
		b.add("if (ids.length === 0) {")
		b.in().add(w.fail(400, "ids must be a non-empty array"))
		b.add("}")
		b.addf("const removed = await %s.removeMany(%s, ids);", w.service(), w.user())
		b.add(w.send("{ removed }"))
	})
}
