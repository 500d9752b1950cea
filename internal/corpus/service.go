package corpus

import (
	"fmt"
	"strings"
)

// Shapes of a service file.
const (
	functionService = iota // async functions, exported in an object
	classService           // a class over the pool, exported as an instance
	callbackService        // callbacks wrapped in promises, then chained
)

// serviceWriter writes a resource's service: the data access behind its routes.
type serviceWriter struct {
	s       *source
	r       *resource
	style   int
	db      string // what queries are sent through: pool or this.db
	exports []string
}

func (w *serviceWriter) block() block {
	if w.style == classService {
		return block{s: w.s, indent: "    "}
	}
	return block{s: w.s, indent: "  "}
}

// fn writes an exported async function, or method, whose body fills b.
func (w *serviceWriter) fn(name, params string, body func(b block)) {
	w.open("async ", name, params)
	body(w.block())
	w.close()
	w.exports = append(w.exports, name)
}

// syncFn writes an exported function that is not async.
func (w *serviceWriter) syncFn(name, params string, body func(b block)) {
	w.open("", name, params)
	body(w.block())
	w.close()
	w.exports = append(w.exports, name)
}

func (w *serviceWriter) open(async, name, params string) {
	if w.style == classService {
		// Methods are set apart by a blank line above, so none is left before the
		// class's closing brace.
		w.s.add("")
		w.s.addf("  %s%s(%s) {", async, name, params)
		return
	}
	w.s.addf("%sfunction %s(%s) {", async, name, params)
}

func (w *serviceWriter) close() {
	if w.style == classService {
		w.s.add("  }")
		return
	}
	w.s.add("}", "")
}

// writeService writes the service of r with its extras.
func writeService(a *app, r *resource, xs []extra) *source {
	s := newSource(a.dir+"/src/services/"+r.path+".service.js", commonJS)
	w := &serviceWriter{s: s, r: r, style: r.style, db: "pool"}
	s.need("../db", "pool")
	s.need("../models/"+r.name, "fromRow")
	if r.peer != nil && requireService(s, r.peer, "./"+r.peer.path+".service") {
		s.add("")
	}
	w.sorts()
	for _, x := range xs {
		if x.kind.serviceTop != nil {
			x.kind.serviceTop(w, x.vulnerable)
		}
	}

	if w.style == classService {
		w.db = "this.db"
		s.addf("class %sService {", r.typ)
		s.add("  constructor(db) {", "    this.db = db;", "  }")
	}
	if w.style == callbackService {
		w.queryHelper()
	}
	w.crud()
	for _, x := range xs {
		if x.kind.service != nil {
			x.kind.service(w, x.vulnerable)
		}
	}
	w.finish()
	return s
}

// requireService makes the service of r available as r.plural in s: required, or, for
// a class, required and constructed over the pool, which it reports by returning true.
func requireService(s *source, r *resource, spec string) bool {
	if r.style != classService {
		s.use(spec, r.plural)
		return false
	}
	s.need(spec, r.typ+"Service")
	s.need("../db", "pool")
	s.addf("const %s = new %sService(pool);", r.plural, r.typ)
	return true
}

// sorts writes the orderings a list may ask for: columns chosen from a table, never
// taken from the request.
func (w *serviceWriter) sorts() {
	w.s.add("const SORTS = {",
		"  newest: 'created_at DESC',",
		"  oldest: 'created_at ASC',")
	w.s.addf("  %s: '%s ASC',", w.r.key.name, w.r.key.column)
	w.s.add("};", "")
	w.s.add("const PAGE_LIMIT = 100;", "")
}

// queryHelper writes the promise wrapper a callback-style service sends queries through.
func (w *serviceWriter) queryHelper() {
	w.s.add("function query(text, values) {",
		"  return new Promise((resolve, reject) => {",
		"    pool.query(text, values, (err, result) => (err ? reject(err) : resolve(result)));",
		"  });",
		"}", "")
}

// finish closes the class, if any, and writes the exports.
func (w *serviceWriter) finish() {
	if w.style == classService {
		w.s.add("}", "")
		w.s.addf("module.exports = { %sService };", w.r.typ)
		return
	}
	w.s.add("module.exports = {")
	line := " "
	for _, name := range w.exports {
		if len(line)+len(name) > 80 {
			w.s.add(line)
			line = " "
		}
		line += " " + name + ","
	}
	w.s.add(line, "};")
}

// columns lists the record's columns for a SELECT.
func (r *resource) columns() string {
	cols := []string{"id", "owner_id"}
	for _, f := range r.fields {
		cols = append(cols, f.column)
	}
	return strings.Join(append(cols, "created_at"), ", ")
}

// crud writes list, get, exists, create, update, remove, removeMany, search and stats.
func (w *serviceWriter) crud() {
	if w.style == callbackService {
		w.callbackCrud()
		return
	}
	r := w.r
	w.fn("list", "ownerId, { limit = 20, offset = 0, sort } = {}", func(b block) {
		b.add("const order = SORTS[sort] || 'created_at DESC';",
			"const { rows } = await "+w.db+".query(")
		b.addf("  `SELECT %s FROM %s WHERE owner_id = $1 ORDER BY ${order} LIMIT $2 OFFSET $3`,",
			r.columns(), r.table)
		b.add("  [ownerId, Math.min(limit, PAGE_LIMIT), offset],", ");",
			"return rows.map(fromRow);")
	})
	w.fn("get", "id, ownerId", func(b block) {
		b.add("const { rows } = await " + w.db + ".query(")
		b.addf("  'SELECT %s FROM %s WHERE id = $1 AND owner_id = $2',", r.columns(), r.table)
		b.add("  [id, ownerId],", ");", "return fromRow(rows[0]);")
	})
	w.fn("exists", "id, ownerId", func(b block) {
		b.addf("const { rowCount } = await %s.query(", w.db)
		b.addf("  'SELECT 1 FROM %s WHERE id = $1 AND owner_id = $2',", r.table)
		b.add("  [id, ownerId],", ");", "return rowCount > 0;")
	})
	w.create()
	w.update()
	w.fn("remove", "id, ownerId", func(b block) {
		b.addf("const { rowCount } = await %s.query(", w.db)
		b.addf("  'DELETE FROM %s WHERE id = $1 AND owner_id = $2',", r.table)
		b.add("  [id, ownerId],", ");", "return rowCount > 0;")
	})
	w.bulk()
	w.search()
}

// create inserts a record, checking first that the peer record it names exists.
func (w *serviceWriter) create() {
	r := w.r
	w.fn("create", "ownerId, input", func(b block) {
		if r.peer != nil {
			b.addf("if (input.%sId && !(await %s.exists(input.%sId, ownerId))) {",
				r.peer.name, r.peer.plural, r.peer.name)
			b.addf("  const err = new Error('unknown %s');", r.peer.name)
			b.add("  err.status = 422;", "  throw err;", "}")
		}
		cols, marks, vals := []string{"owner_id"}, []string{"$1"}, []string{"ownerId"}
		for i, f := range r.fields {
			cols = append(cols, f.column)
			marks = append(marks, fmt.Sprintf("$%d", i+2))
			vals = append(vals, "input."+f.name)
		}
		b.add("const { rows } = await " + w.db + ".query(")
		b.addf("  'INSERT INTO %s (%s) VALUES (%s) RETURNING *',", r.table,
			strings.Join(cols, ", "), strings.Join(marks, ", "))
		b.add("  [")
		for _, v := range vals {
			b.addf("    %s,", v)
		}
		b.add("  ],", ");", "return fromRow(rows[0]);")
	})
}

// update sets the fields given and keeps the others, in constant SQL text.
func (w *serviceWriter) update() {
	r := w.r
	w.fn("update", "id, ownerId, input", func(b block) {
		var sets []string
		for i, f := range r.fields {
			sets = append(sets, fmt.Sprintf("%s = COALESCE($%d, %s)", f.column, i+1, f.column))
		}
		n := len(r.fields)
		b.addf("const { rows } = await %s.query(", w.db)
		b.addf("  'UPDATE %s SET %s ' +", r.table, strings.Join(sets, ", "))
		b.addf("    'WHERE id = $%d AND owner_id = $%d RETURNING *',", n+1, n+2)
		b.add("  [")
		for _, f := range r.fields {
			b.addf("    input.%s,", f.name)
		}
		b.add("    id,", "    ownerId,", "  ],", ");", "return fromRow(rows[0]);")
	})
}

// bulk writes removeMany, which takes an array of ids as one parameter.
func (w *serviceWriter) bulk() {
	w.fn("removeMany", "ownerId, ids", func(b block) {
		b.add("if (ids.length === 0) {", "  return 0;", "}")
		b.addf("const { rowCount } = await %s.query(", w.db)
		b.addf("  'DELETE FROM %s WHERE owner_id = $1 AND id = ANY($2::uuid[])',", w.r.table)
		b.add("  [ownerId, ids],", ");", "return rowCount;")
	})
}

// search matches the key field with a pattern passed as a value, and counts by day.
func (w *serviceWriter) search() {
	r := w.r
	w.fn("search", "ownerId, term, limit = 20", func(b block) {
		b.add("const pattern = `%${term.replace(/[%_\\\\]/g, (c) => `\\\\${c}`)}%`;")
		b.addf("const { rows } = await %s.query(", w.db)
		b.addf("  'SELECT %s FROM %s WHERE owner_id = $1 AND %s ILIKE $2 ' +", r.columns(),
			r.table, r.key.column)
		b.add("    'ORDER BY created_at DESC LIMIT $3',")
		b.add("  [ownerId, pattern, Math.min(limit, PAGE_LIMIT)],", ");",
			"return rows.map(fromRow);")
	})
	w.fn("stats", "ownerId", func(b block) {
		b.addf("const { rows } = await %s.query(", w.db)
		b.add("  `SELECT date_trunc('day', created_at) AS day, count(*)::int AS total")
		b.addf("     FROM %s WHERE owner_id = $1 GROUP BY 1 ORDER BY 1 DESC LIMIT 30`,", r.table)
		b.add("  [ownerId],", ");",
			"return rows.map((row) => ({",
			"  day: row.day.toISOString().slice(0, 10),",
			"  total: row.total,", "}));")
	})
}

// callbackCrud writes the CRUD of a callback-style service: promise chains over query.
func (w *serviceWriter) callbackCrud() {
	r := w.r
	w.syncFn("list", "ownerId, options = {}", func(b block) {
		b.add("const order = SORTS[options.sort] || 'created_at DESC';",
			"const limit = Math.min(options.limit || 20, PAGE_LIMIT);",
			"const offset = options.offset || 0;")
		b.addf("const text = `SELECT %s FROM %s WHERE owner_id = $1 ` +", r.columns(), r.table)
		b.add("  `ORDER BY ${order} LIMIT $2 OFFSET $3`;",
			"return query(text, [ownerId, limit, offset]).then((result) =>",
			"  result.rows.map(fromRow),", ");")
	})
	w.syncFn("get", "id, ownerId", func(b block) {
		b.addf("const text = 'SELECT %s FROM %s WHERE id = $1 AND owner_id = $2';",
			r.columns(), r.table)
		b.add("return query(text, [id, ownerId]).then((result) => fromRow(result.rows[0]));")
	})
	w.syncFn("exists", "id, ownerId", func(b block) {
		b.addf("const text = 'SELECT 1 FROM %s WHERE id = $1 AND owner_id = $2';", r.table)
		b.add("return query(text, [id, ownerId]).then((result) => result.rowCount > 0);")
	})
	w.callbackCreate()
	w.update()
	w.syncFn("remove", "id, ownerId", func(b block) {
		b.addf("const text = 'DELETE FROM %s WHERE id = $1 AND owner_id = $2';", r.table)
		b.add("return query(text, [id, ownerId]).then((result) => result.rowCount > 0);")
	})
	w.bulk()
	w.search()
}

// callbackCreate inserts a record after the peer check, as a chain.
func (w *serviceWriter) callbackCreate() {
	r := w.r
	w.syncFn("create", "ownerId, input", func(b block) {
		cols, marks := []string{"owner_id"}, []string{"$1"}
		for i, f := range r.fields {
			cols = append(cols, f.column)
			marks = append(marks, fmt.Sprintf("$%d", i+2))
		}
		b.addf("const text = 'INSERT INTO %s (%s) VALUES (%s) RETURNING *';", r.table,
			strings.Join(cols, ", "), strings.Join(marks, ", "))
		b.add("const values = [ownerId];")
		for _, f := range r.fields {
			b.addf("values.push(input.%s);", f.name)
		}
		if r.peer == nil {
			b.add("return query(text, values).then((result) => fromRow(result.rows[0]));")
			return
		}
		b.addf("const check = input.%sId ? %s.exists(input.%sId, ownerId) : Promise.resolve(true);",
			r.peer.name, r.peer.plural, r.peer.name)
		b.add("return check.then((found) => {", "  if (!found) {")
		b.addf("    const err = new Error('unknown %s');", r.peer.name)
		b.add("    err.status = 422;", "    throw err;", "  }",
			"  return query(text, values);",
			"}).then((result) => fromRow(result.rows[0]));")
	})
}
