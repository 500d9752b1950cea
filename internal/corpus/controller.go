package corpus

import (
	"fmt"
	"strings"
)

// controllerWriter writes a resource's TypeScript controller: a class over the service
// that reads requests and shapes responses.
type controllerWriter struct {
	s *source
	r *resource
	web
}

// method writes an async method of the controller class whose body fills b.
func (w *controllerWriter) method(name string, body func(b block)) {
	// Methods are set apart by a blank line above, so none is left before the class's
	// closing brace.
	w.s.add("")
	if w.koa {
		w.s.addf("  async %s(ctx: AuthedContext): Promise<void> {", name)
	} else {
		w.s.addf("  async %s(req: AuthedRequest, res: Response): Promise<void> {", name)
	}
	body(block{s: w.s, indent: "    "})
	w.s.add("  }")
}

// fail answers with an error and leaves the method, which returns void.
func (w *controllerWriter) fail(status int, msg string) []string {
	if w.koa {
		return []string{w.web.fail(status, msg)}
	}
	return []string{strings.TrimPrefix(w.web.fail(status, msg), "return "), "return;"}
}

// reject answers with an error and returns, without throwing: the guards of checked
// values are written so.
func (w *controllerWriter) reject(status int, msg string) []string {
	if w.koa {
		return []string{fmt.Sprintf("ctx.status = %d;", status),
			fmt.Sprintf("ctx.body = { error: '%s' };", msg), "return;"}
	}
	return w.fail(status, msg)
}

// writeController writes the controller of r with its extras.
func writeController(a *app, r *resource, xs []extra) *source {
	s := newSource(a.dir+"/src/controllers/"+r.path+".controller.ts", esModule)
	w := &controllerWriter{s: s, r: r, web: web{koa: r.koa}}
	w.types()
	s.addf("export class %sController {", r.typ)
	s.addf("  constructor(private readonly store: %sStore) {}", r.typ)
	w.crud()
	for _, x := range xs {
		if x.kind.controller != nil {
			x.kind.controller(w, x.vulnerable)
		}
	}
	s.add("}", "")
	w.pickers()
	return s
}

// types writes the record, input and store types, and the request type that carries the
// authenticated user.
func (w *controllerWriter) types() {
	r, s := w.r, w.s
	if w.koa {
		s.need("koa", "Context")
	} else {
		s.need("express", "Request", "Response")
	}
	s.addf("export interface %s {", r.typ)
	s.add("  id: string;", "  ownerId: string;")
	for _, f := range r.fields {
		s.addf("  %s: %s;", f.name, tsType(f))
	}
	s.add("  createdAt: string;", "}", "")
	s.addf("export type %sInput = Omit<%s, 'id' | 'ownerId' | 'createdAt'>;", r.typ, r.typ)
	s.add("", "interface ListOptions {", "  limit: number;", "  offset: number;",
		"  sort?: string;", "}", "")
	s.addf("export interface %sStore {", r.typ)
	s.addf("  list(ownerId: string, options: ListOptions): Promise<%s[]>;", r.typ)
	s.addf("  get(id: string, ownerId: string): Promise<%s | undefined>;", r.typ)
	s.addf("  create(ownerId: string, input: %sInput): Promise<%s>;", r.typ, r.typ)
	s.addf("  update(id: string, ownerId: string, input: Partial<%sInput>): "+
		"Promise<%s | undefined>;", r.typ, r.typ)
	s.add("  remove(id: string, ownerId: string): Promise<boolean>;", "}", "")
	if w.koa {
		s.add("interface AuthedContext extends Context {",
			"  state: { user: { id: string; roles: string[] } };", "}", "")
	} else {
		s.add("interface AuthedRequest extends Request {",
			"  user: { id: string; roles: string[] };", "}", "")
	}
	s.add("const MAX_PAGE = 100;", "")
}

// crud writes list, show, create, update and remove.
func (w *controllerWriter) crud() {
	w.method("list", func(b block) {
		b.addf("const limit = Math.min(Number(%s) || 20, MAX_PAGE);", w.query("limit"))
		b.addf("const offset = Math.max(Number(%s) || 0, 0);", w.query("offset"))
		b.addf("const sort = typeof %s === 'string' ? %s : undefined;", w.query("sort"),
			w.query("sort"))
		b.addf("const rows = await this.store.list(%s, { limit, offset, sort });", w.user())
		b.add(w.send("{ data: rows, limit, offset }"))
	})
	w.method("show", func(b block) {
		b.addf("const row = await this.store.get(%s, %s);", w.param("id"), w.user())
		b.add("if (!row) {")
		b.in().add(w.fail(404, "not found")...)
		b.add("}", w.send("{ data: row }"))
	})
	w.method("create", func(b block) {
		b.addf("const row = await this.store.create(%s, pickInput(%s));", w.user(), w.body())
		b.add(w.created("{ data: row }")...)
	})
	w.method("update", func(b block) {
		b.addf("const row = await this.store.update(%s, %s, pickPartial(%s));", w.param("id"),
			w.user(), w.body())
		b.add("if (!row) {")
		b.in().add(w.fail(404, "not found")...)
		b.add("}", w.send("{ data: row }"))
	})
	w.method("remove", func(b block) {
		b.addf("const removed = await this.store.remove(%s, %s);", w.param("id"), w.user())
		b.add("if (!removed) {")
		b.in().add(w.fail(404, "not found")...)
		b.add("}", w.noContent())
	})
}

// pickers write the functions that copy the fields a client may set out of a body.
func (w *controllerWriter) pickers() {
	r, s := w.r, w.s
	s.addf("function pickInput(body: Record<string, unknown>): %sInput {", r.typ)
	s.add("  return {")
	for _, f := range r.fields {
		s.addf("    %s: %s,", f.name, tsCoerce(f, "body."+f.name))
	}
	s.add("  };", "}", "")
	s.addf("function pickPartial(body: Record<string, unknown>): Partial<%sInput> {", r.typ)
	s.addf("  const out: Partial<%sInput> = {};", r.typ)
	for _, f := range r.fields {
		s.addf("  if (body.%s !== undefined) {", f.name)
		s.addf("    out.%s = %s;", f.name, tsCoerce(f, "body."+f.name))
		s.add("  }")
	}
	s.add("  return out;", "}")
}

func tsType(f field) string {
	switch f.kind {
	case intField:
		return "number"
	case boolField:
		return "boolean"
	}
	return "string"
}

func tsCoerce(f field, expr string) string {
	switch f.kind {
	case intField:
		return "Number(" + expr + " ?? 0)"
	case boolField:
		return "Boolean(" + expr + ")"
	}
	return "String(" + expr + " ?? '')"
}
