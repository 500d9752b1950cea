package corpus

import "fmt"

// sqlLookupService looks a record up by its key field: concatenated into the SQL, or
// passed as a parameter.
func sqlLookupService(w *serviceWriter, vulnerable bool) {
	r := w.r
	key := r.key.name
	w.fn("findBy"+pascal([]string{key}), "ownerId, "+key, func(b block) {
		if vulnerable {
			b.addf("const sql = \"SELECT %s FROM %s WHERE owner_id = $1 AND %s = '\" + %s + \"'\";",
				r.columns(), r.table, r.key.column, key)
		} else {
			b.addf("const sql = 'SELECT %s FROM %s WHERE owner_id = $1 AND %s = $2';",
				r.columns(), r.table, r.key.column)
		}
		b.sink(sqlInjection, vulnerable,
			fmt.Sprintf("const { rows } = await %s.query(sql, [ownerId]);", w.db),
			fmt.Sprintf("const { rows } = await %s.query(sql, [ownerId, %s]);", w.db, key))
		b.add("return rows.map(fromRow);")
	})
}

func sqlLookupRoute(w *routeWriter, _ bool) {
	key := w.r.key.name
	w.handle("get", "/lookup", func(b block) {
		b.addf("const rows = await %s.findBy%s(%s, %s);", w.service(), pascal([]string{key}),
			w.user(), w.query(key))
		b.add("if (rows.length === 0) {")
		b.in().add(w.fail(404, "no match"))
		b.add("}", w.send("{ data: rows }"))
	})
}

// sqlRoute queries straight from a handler: the path parameter in the SQL text, or as a
// parameter.
func sqlRoute(w *routeWriter, vulnerable bool) {
	r := w.r
	w.s.need("../db", "pool")
	w.handle("get", "/with-"+r.key.name+"/:value", func(b block) {
		sel := fmt.Sprintf("SELECT id, %s FROM %s WHERE owner_id = $1 AND %s", r.key.column,
			r.table, r.key.column)
		b.sink(sqlInjection, vulnerable,
			fmt.Sprintf("const { rows } = await pool.query(`%s = '${%s}'`, [%s]);", sel,
				w.param("value"), w.user()),
			fmt.Sprintf("const { rows } = await pool.query('%s = $2', [%s, %s]);", sel,
				w.user(), w.param("value")))
		b.add(w.send("{ data: rows }"))
	})
}

// summaryController counts records by period in SQL the controller writes itself; the
// period is checked against a list in the twin.
func summaryController(w *controllerWriter, vulnerable bool) {
	r := w.r
	w.s.need("../db", "pool")
	w.method("summary", func(b block) {
		b.addf("const period = typeof %s === 'string' ? %s : 'day';", w.query("period"),
			w.query("period"))
		if !vulnerable {
			b.add("const PERIODS = ['day', 'week', 'month'];", "if (!PERIODS.includes(period)) {")
			// TODO: a Koa guard that throws (ctx.throw) is not seen to end the handler,
			// so the check is written with a return until the analysis knows it.
			b.in().add(w.reject(400, "unknown period")...)
			b.add("}")
		}
		b.add("const sql = `SELECT date_trunc('${period}', created_at) AS bucket, " +
			"count(*)::int AS total")
		b.addf("  FROM %s WHERE owner_id = $1 GROUP BY 1 ORDER BY 1`;", r.table)
		line := fmt.Sprintf("const { rows } = await pool.query(sql, [%s]);", w.user())
		b.sink(sqlInjection, vulnerable, line, line)
		b.add(w.send("{ period, data: rows }"))
	})
}

func summaryRoute(w *routeWriter, _ bool) {
	w.toController("get", "/summary", "summary")
	w.s.add("")
}

// commandRoute renders a PDF with wkhtmltopdf: through a shell, or with an argument
// array.
func commandRoute(w *routeWriter, vulnerable bool) {
	r := w.r
	if vulnerable {
		w.s.need("child_process", "exec")
	} else {
		w.s.need("child_process", "execFile")
	}
	w.handle("get", "/:id/pdf", func(b block) {
		b.addf("const title = %s || '%s';", w.query("title"), words(r.name))
		b.addf("const url = `http://localhost:${process.env.PORT || 3000}/api/%s/${%s}`;", r.path,
			w.param("id"))
		b.add("const options = { encoding: 'buffer', timeout: 30000 };",
			"const pdf = await new Promise((resolve, reject) => {")
		done := "(err, out) => (err ? reject(err) : resolve(out))"
		b.in().sink(commandInjection, vulnerable,
			"exec('wkhtmltopdf --title \"' + title + '\" ' + url + ' -', options, "+done+");",
			"execFile('wkhtmltopdf', ['--title', title, url, '-'], options, "+done+");")
		b.add("});")
		b.add(w.download("'"+r.name+".pdf'", "pdf")...)
	})
}

// archiveService packs a record's exports with tar: through a shell, or with an
// argument array.
func archiveService(w *serviceWriter, vulnerable bool) {
	r := w.r
	w.s.use("os", "os")
	if vulnerable {
		w.s.need("child_process", "exec")
	} else {
		w.s.need("child_process", "execFile")
	}
	w.fn("archive", "ownerId, label", func(b block) {
		b.addf("const target = `${os.tmpdir()}/%s-${ownerId}-${Date.now()}.tgz`;", r.path)
		b.add("await new Promise((resolve, reject) => {")
		done := "(err) => (err ? reject(err) : resolve())"
		b.in().sink(commandInjection, vulnerable,
			fmt.Sprintf("exec('tar -czf ' + target + ' --label \"' + label + '\" exports/%s', %s);",
				r.path, done),
			fmt.Sprintf("execFile('tar', ['-czf', target, '--label', label, 'exports/%s'], %s);",
				r.path, done))
		b.add("});", "return target;")
	})
}

func archiveRoute(w *routeWriter, _ bool) {
	w.handle("post", "/archive", func(b block) {
		b.addf("const label = %s || 'export';", w.field("label"))
		b.addf("const file = await %s.archive(%s, label);", w.service(), w.user())
		b.add(w.created("{ file: file.split('/').pop() }")...)
	})
}

// formulaRoute totals posted items with a formula: compiled from the body, or chosen
// from a table.
func formulaRoute(w *routeWriter, vulnerable bool) {
	w.handle("post", "/preview-total", func(b block) {
		b.addf("const items = Array.isArray(%s) ? %s.slice(0, 500) : [];", w.field("items"),
			w.field("items"))
		if vulnerable {
			b.plant(codeInjection, fmt.Sprintf(
				"const total = new Function('items', 'return ' + %s);", w.field("formula")))
		} else {
			b.add("const totals = {",
				"  sum: (xs) => xs.reduce((acc, x) => acc + Number(x.amount || 0), 0),",
				"  count: (xs) => xs.length,",
				"  max: (xs) => Math.max(0, ...xs.map((x) => Number(x.amount || 0))),",
				"};")
			b.addf("const total = totals[%s] || totals.sum;", w.field("formula"))
		}
		b.add(w.send("{ total: total(items) }"))
	})
}
