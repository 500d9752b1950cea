package corpus

import (
	"fmt"
	"strings"
)

// writeModel writes the model of r: its JSDoc type, the validation schema the router
// checks bodies against, the column map, and the row mapping, as plain objects or as a
// class.
func writeModel(a *app, r *resource) *source {
	s := newSource(a.dir+"/src/models/"+r.name+".js", commonJS)
	modelDoc(s, r)
	for _, f := range r.fields {
		if f.kind == enumField {
			s.addf("const %s = [%s];", enumConst(f), quoted(enumValues[f.name]))
		}
	}
	s.add("")
	modelSchema(s, r)
	modelColumns(s, r)
	if r.style == classService {
		modelClass(s, r)
	} else {
		modelFunctions(s, r)
	}
	exports := []string{r.name + "Schema", "COLUMNS", "fromRow", "toRow"}
	if r.style == classService {
		exports = append(exports, r.typ)
	}
	for _, f := range r.fields {
		if f.kind == enumField {
			exports = append(exports, enumConst(f))
		}
	}
	s.addf("module.exports = { %s };", strings.Join(exports, ", "))
	return s
}

func modelDoc(s *source, r *resource) {
	s.add("/**")
	s.addf(" * A %s as the API returns it.", words(r.name))
	s.add(" *")
	s.addf(" * @typedef {object} %s", r.typ)
	s.add(" * @property {string} id", " * @property {string} ownerId")
	for _, f := range r.fields {
		s.addf(" * @property {%s} %s", jsDocType(f), f.name)
	}
	s.add(" * @property {string} createdAt", " */", "")
}

func modelSchema(s *source, r *resource) {
	s.addf("const %sSchema = {", r.name)
	for _, f := range r.fields {
		s.addf("  %s: %s,", f.name, schemaOf(f, f == r.key))
	}
	s.add("};", "")
}

func schemaOf(f field, required bool) string {
	req := ""
	if required {
		req = ", required: true"
	}
	switch f.kind {
	case intField:
		return "{ type: 'integer', min: 0" + req + " }"
	case boolField:
		return "{ type: 'boolean'" + req + " }"
	case dateField:
		return "{ type: 'date'" + req + " }"
	case enumField:
		return "{ type: 'string', enum: " + enumConst(f) + req + " }"
	}
	return "{ type: 'string', maxLength: 200" + req + " }"
}

func modelColumns(s *source, r *resource) {
	s.add("const COLUMNS = {")
	for _, f := range r.fields {
		s.addf("  %s: '%s',", f.name, f.column)
	}
	s.add("};", "")
}

// modelFunctions maps rows with plain functions.
func modelFunctions(s *source, r *resource) {
	s.add("function fromRow(row) {", "  if (!row) {", "    return undefined;", "  }",
		"  return {", "    id: row.id,", "    ownerId: row.owner_id,")
	for _, f := range r.fields {
		s.addf("    %s: %s,", f.name, fromColumn(f))
	}
	s.add("    createdAt: toISO(row.created_at),", "  };", "}", "")
	toISO(s)
	toRow(s)
}

// modelClass maps rows through a class with its own validation.
func modelClass(s *source, r *resource) {
	s.addf("class %s {", r.typ)
	s.add("  constructor(props) {", "    this.id = props.id;", "    this.ownerId = props.ownerId;")
	for _, f := range r.fields {
		s.addf("    this.%s = props.%s;", f.name, f.name)
	}
	s.add("    this.createdAt = props.createdAt;", "  }", "")
	s.add("  static fromRow(row) {")
	s.addf("    return new %s({", r.typ)
	s.add("      id: row.id,", "      ownerId: row.owner_id,")
	for _, f := range r.fields {
		s.addf("      %s: %s,", f.name, fromColumn(f))
	}
	s.add("      createdAt: toISO(row.created_at),", "    });", "  }", "")
	s.add("  validate() {", "    const errors = [];")
	s.addf("    for (const [name, rule] of Object.entries(%sSchema)) {", r.name)
	s.add("      const value = this[name];",
		"      if (rule.required && (value === undefined || value === '')) {",
		"        errors.push(`${name} is required`);",
		"      }", "    }", "    return errors;", "  }", "")
	s.add("  toJSON() {", "    return {", "      id: this.id,")
	for _, f := range r.fields {
		s.addf("      %s: this.%s,", f.name, f.name)
	}
	s.add("      createdAt: this.createdAt,", "    };", "  }", "}", "")
	s.add("function fromRow(row) {")
	s.addf("  return row ? %s.fromRow(row) : undefined;", r.typ)
	s.add("}", "")
	toISO(s)
	toRow(s)
}

func toISO(s *source) {
	s.add("function toISO(value) {",
		"  return value instanceof Date ? value.toISOString() : value;", "}", "")
}

func toRow(s *source) {
	s.add("function toRow(input) {", "  const row = {};",
		"  for (const [key, column] of Object.entries(COLUMNS)) {",
		"    if (input[key] !== undefined) {", "      row[column] = input[key];", "    }",
		"  }", "  return row;", "}", "")
}

func fromColumn(f field) string {
	switch f.kind {
	case intField:
		return fmt.Sprintf("Number(row.%s)", f.column)
	case boolField:
		return fmt.Sprintf("Boolean(row.%s)", f.column)
	case dateField:
		return fmt.Sprintf("toISO(row.%s)", f.column)
	}
	return "row." + f.column
}

func jsDocType(f field) string {
	switch f.kind {
	case intField:
		return "number"
	case boolField:
		return "boolean"
	}
	return "string"
}

// enumConst names the constant holding an enum field's values: STATUSES.
func enumConst(f field) string {
	return strings.ToUpper(pluralOf(f.name))
}

func quoted(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = "'" + v + "'"
	}
	return strings.Join(q, ", ")
}

// words spells a camelCase name as lower-case words: partnerOrder is "partner order".
func words(name string) string {
	var b strings.Builder
	for i, c := range name {
		if c >= 'A' && c <= 'Z' {
			if i > 0 {
				b.WriteByte(' ')
			}
			c += 'a' - 'A'
		}
		b.WriteRune(c)
	}
	return b.String()
}
