package javascript

import (
	"regexp"
	"strings"

	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/syntax"
)

var sqlInjectionRule = &rule.Rule{
	ID:            "js.sql-injection",
	Title:         "SQL injection",
	Vulnerability: "SQL Injection",
	CWE:           []string{"CWE-89"},
	OWASP:         []string{"A03:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "SQL text built by string concatenation or an interpolating template " +
		"literal is passed to a query, execute or raw call of a database client.",
	Impact: "A value spliced into SQL text can end the intended statement and add its " +
		"own: reading every table the service can reach, changing or deleting rows, " +
		"and bypassing login checks that are written as queries.",
	Fix: "Keep the SQL text constant and pass values as parameters: placeholders ($1, ?) " +
		"with a values array, or the query builder's bindings. Identifiers such as a sort " +
		"column come from an allowlist, never from the request.",
	FixExample: `const { rows } = await pool.query(
  'SELECT id, total FROM orders WHERE id = $1 AND user_id = $2',
  [req.params.id, req.user.id],
);`,
	Bad: "app.get('/orders/:id', async (req, res) => {\n" +
		"  const r = await pool.query(`SELECT * FROM orders WHERE id = ${req.params.id}`);\n" +
		"  res.json(r.rows);\n});\n",
	Good: "app.get('/orders/:id', async (req, res) => {\n" +
		"  const r = await pool.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);\n" +
		"  res.json(r.rows);\n});\n",
}

var sqlInjection = check{
	rule:  sqlInjectionRule,
	kinds: []string{"call_expression"},
	match: matchSQLInjection,
}

// rawSQLMethods take SQL text by definition: any dynamic text is reported.
var rawSQLMethods = map[string]bool{
	"raw": true, "whereRaw": true, "orWhereRaw": true, "havingRaw": true,
	"orHavingRaw": true, "joinRaw": true, "orderByRaw": true, "groupByRaw": true,
	"$queryRawUnsafe": true, "$executeRawUnsafe": true, "unsafe": true,
}

// queryMethods run SQL text for pg, mysql, mysql2, sqlite3, better-sqlite3, pg-promise,
// sequelize and typeorm; their names are common, so the text must also look like SQL.
var queryMethods = map[string]bool{
	"query": true, "execute": true, "run": true, "all": true, "get": true, "exec": true,
	"prepare": true, "each": true, "many": true, "one": true, "none": true, "any": true,
	"oneOrNone": true, "manyOrNone": true, "result": true, "multi": true,
}

// sqlEscapers make a value safe to splice into SQL text.
var sqlEscapers = map[string]bool{
	"escape": true, "escapeId": true, "escapeLiteral": true, "escapeIdentifier": true,
	"format": true, "identifier": true, "literal": true,
}

var sqlText = regexp.MustCompile(`(?is)\b(select\b.*\bfrom|insert\s+into|update\b.*\bset\b|` +
	`delete\s+from|\bwhere\b|order\s+by|values\s*\(|(create|drop|alter|truncate)\s+table)`)

func matchSQLInjection(f *file, n *syntax.Node) {
	callee := unwrap(n.Child("function"))
	if callee == nil || callee.Kind != "member_expression" {
		return
	}
	method := f.text(callee.Child("property"))
	raw := rawSQLMethods[method]
	if !raw && !queryMethods[method] || strings.HasPrefix(f.qualify(callee), "child_process") {
		return
	}
	a := args(n)
	if len(a) == 0 {
		return
	}
	text := f.sqlTextArg(a[0])
	parts := f.sqlParts(text, 0)
	looksSQL := raw || sqlText.MatchString(parts.literal.String())
	if len(parts.dynamic) == 0 {
		if looksSQL && f.passesValues(a) {
			f.positive("SQL queries pass values as parameters", n)
		}
		return
	}
	if looksSQL {
		f.reportInjection(sqlInjectionRule, n, parts.dynamic...)
	}
}

// passesValues reports a query whose values travel apart from its text: a values array
// argument, or the values property of a { text, values } config.
func (f *file) passesValues(a []*syntax.Node) bool {
	if len(a) > 1 && unwrap(a[1]) != nil && unwrap(a[1]).Kind == "array" {
		return true
	}
	return f.objectProperty(a[0], "values") != nil
}

// sqlTextArg returns the SQL text of a query's first argument, looking into the
// { text, values } and { sql, values } config objects of pg and mysql.
func (f *file) sqlTextArg(a *syntax.Node) *syntax.Node {
	if t := f.objectProperty(a, "text"); t != nil {
		return t
	}
	if t := f.objectProperty(a, "sql"); t != nil {
		return t
	}
	return a
}

// sqlPieces splits SQL text into its literal fragments and the parts that are neither
// constant nor escaped.
type sqlPieces struct {
	literal strings.Builder
	dynamic []*syntax.Node
}

func (f *file) sqlParts(n *syntax.Node, depth int) *sqlPieces {
	p := &sqlPieces{}
	f.splitSQL(n, depth, p)
	return p
}

func (f *file) splitSQL(n *syntax.Node, depth int, p *sqlPieces) {
	n = unwrap(n)
	if n == nil || depth > maxResolveDepth {
		return
	}
	switch n.Kind {
	case "string", "template_string":
		f.splitTemplate(n, depth, p)
	case "binary_expression":
		if f.text(n.Child("operator")) != "+" {
			f.addSQLValue(n, depth, p)
			return
		}
		f.splitSQL(n.Child("left"), depth, p)
		f.splitSQL(n.Child("right"), depth, p)
	case "identifier":
		// The text is held in a variable: follow its declaration and its += appends.
		value := f.valueOf(n)
		if value == nil || !isStringBuilder(value) && value.Kind != "identifier" {
			f.addSQLValue(n, depth, p)
			return
		}
		f.splitSQL(value, depth+1, p)
		for _, more := range f.appendsTo(f.declarator(n), f.text(n)) {
			f.splitSQL(more, depth+1, p)
		}
	default:
		f.addSQLValue(n, depth, p)
	}
}

func (f *file) splitTemplate(n *syntax.Node, depth int, p *sqlPieces) {
	if n.Kind == "string" {
		p.literal.WriteString(f.text(n))
		return
	}
	for _, c := range n.Children {
		switch c.Kind {
		case "string_fragment":
			p.literal.WriteString(f.text(c))
		case "template_substitution":
			f.addSQLValue(c.NamedChild(0), depth, p)
		}
	}
	p.literal.WriteString(" ")
}

// addSQLValue records a value spliced into SQL text unless it is safe there.
func (f *file) addSQLValue(n *syntax.Node, depth int, p *sqlPieces) {
	if !f.isSafeSQLValue(n, depth) {
		p.dynamic = append(p.dynamic, n)
	}
}

// isSafeSQLValue reports whether splicing n into SQL text cannot inject: constants,
// numbers, escaped values, allowlist lookups and generated placeholder lists.
func (f *file) isSafeSQLValue(n *syntax.Node, depth int) bool {
	n = unwrap(n)
	if n == nil || depth > maxResolveDepth {
		return false
	}
	switch n.Kind {
	case "call_expression":
		return f.isSanitizer(n) || sqlEscapers[f.propertyName(n.Child("function"))] ||
			f.isPlaceholderList(n)
	case "binary_expression":
		op := f.text(n.Child("operator"))
		if op != "+" && op != "||" && op != "??" {
			return isNumericOperator(op)
		}
		return f.isSafeSQLValue(n.Child("left"), depth+1) &&
			f.isSafeSQLValue(n.Child("right"), depth+1)
	case "ternary_expression":
		return f.isSafeSQLValue(n.Child("consequence"), depth+1) &&
			f.isSafeSQLValue(n.Child("alternative"), depth+1)
	case "subscript_expression":
		return f.isConstantTable(n.Child("object"))
	case "template_string":
		for _, c := range n.Children {
			if c.Kind == "template_substitution" && !f.isSafeSQLValue(c.NamedChild(0), depth+1) {
				return false
			}
		}
		return true
	case "identifier":
		if f.isConstant(n, depth) {
			return true
		}
		value := f.valueOf(n)
		return value != nil && f.isSafeSQLValue(value, depth+1)
	}
	return f.isConstant(n, depth)
}

// isNumericOperator reports whether a binary operator always yields a number or boolean.
func isNumericOperator(op string) bool {
	switch op {
	case "-", "*", "/", "%", "**", "<", ">", "<=", ">=", "==", "===", "!=", "!==",
		"&", "|", "^", "<<", ">>", ">>>":
		return true
	}
	return false
}

// isConstantTable reports whether n names a const object literal whose values are all
// constant: a lookup in it yields an allowlisted value or undefined.
func (f *file) isConstantTable(n *syntax.Node) bool {
	d := f.declarator(unwrap(n))
	if d == nil || !isConstDecl(d) {
		return false
	}
	obj := unwrap(d.Child("value"))
	if obj == nil || obj.Kind != "object" {
		return false
	}
	for _, c := range obj.Children {
		if c.Kind != "pair" || !f.isConstant(c.Child("value"), 1) {
			return false
		}
	}
	return true
}

// isPlaceholderList recognises `ids.map((_, i) => '$' + (i + 1)).join(', ')`: a list of
// placeholders built without reading the values themselves.
func (f *file) isPlaceholderList(call *syntax.Node) bool {
	callee := unwrap(call.Child("function"))
	if callee == nil || callee.Kind != "member_expression" ||
		f.text(callee.Child("property")) != "join" {
		return false
	}
	mapCall := unwrap(callee.Child("object"))
	if mapCall == nil || mapCall.Kind != "call_expression" ||
		f.propertyName(mapCall.Child("function")) != "map" {
		return false
	}
	a := args(mapCall)
	return len(a) == 1 && f.ignoresFirstParam(a[0])
}

// ignoresFirstParam reports whether a callback never reads its first parameter.
func (f *file) ignoresFirstParam(fn *syntax.Node) bool {
	if fn.Kind != "arrow_function" && fn.Kind != "function_expression" {
		return false
	}
	first := fn.Child("parameter")
	if params := fn.Child("parameters"); params != nil {
		first = params.NamedChild(0)
	}
	if first == nil {
		return true
	}
	if first.Kind == "required_parameter" {
		first = first.Child("pattern")
	}
	name := f.text(first)
	used := false
	syntax.Walk(fn.Child("body"), func(c *syntax.Node) bool {
		used = used || c.Kind == "identifier" && f.text(c) == name
		return !used
	})
	return !used
}
