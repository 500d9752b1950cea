package javascript

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rampart-sec/rampart/internal/model"
)

func TestLowerPositions(t *testing.T) {
	src := "function f(id) {\n  db.query(\n    'SELECT ' +\n      id\n  );\n}\n"
	m := lowerFile(t, "src/f.js", src)
	ev := m.Funcs[1].Body[0].(*model.Eval)
	want := model.Pos{File: "src/f.js", Line: 2, Column: 3, EndLine: 5, EndColumn: 4,
		Text: "db.query( 'SELECT ' + id )"}
	if got := ev.X.At(); got != want {
		t.Errorf("call at %+v, want %+v", got, want)
	}

	fn := m.Funcs[1].Pos
	const text = "function f(id) { db.query( 'SELECT ' + id ); }"
	if fn.Line != 1 || fn.EndLine != 6 || fn.Text != text {
		t.Errorf("function at %+v", fn)
	}
	if m.Init.Pos.Line != 1 || m.Init.Pos.File != "src/f.js" {
		t.Errorf("init at %+v", m.Init.Pos)
	}
}

func TestLowerPositionText(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"short", "x = 'é';", "'é'"},
		{"cut to 80 bytes", "x = '" + strings.Repeat("a", 100) + "';",
			"'" + strings.Repeat("a", 76) + "…"},
		{"cut on a rune boundary", "x = '" + strings.Repeat("é", 50) + "';",
			"'" + strings.Repeat("é", 38) + "…"},
		{"invalid bytes", "x = '\xff\xfe';", "'\uFFFD'"},
		{"long blank run", "x = [\n" + strings.Repeat(" ", 2000) + "1];", "[…"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := lowerFile(t, "f.js", c.src)
			got := m.Init.Body[0].(*model.Assign).Value.At().Text
			if got != c.want {
				t.Errorf("text %q, want %q", got, c.want)
			}
			if len(got) > maxPosText || !utf8.ValidString(got) {
				t.Errorf("text %q: %d bytes or invalid UTF-8", got, len(got))
			}
		})
	}
}

// TestLowerEveryPosition checks that every expression and statement of a file using most
// of the syntax knows where it is.
func TestLowerEveryPosition(t *testing.T) {
	for _, name := range []string{"f.js", "f.ts", "f.tsx"} {
		src := everySyntax
		if name == "f.js" {
			src = strings.ReplaceAll(src, ": string", "")
		}
		checkPositions(t, lowerFile(t, name, src), name, src)
	}
}

const everySyntax = `
import a, { b as c } from './m';
const { d, e: [f, , g = 1], ...h } = require('x');
export default class K extends a.B { x = c(); static y = 1; m(p: string, ...q) { return p; } }
module.exports = { d, k() {} };
app.get('/u/:id', async (req, res) => {
  const id = req.params.id, n = ` + "`${id}-${f()}`" + `;
  let s = 'a'; s += id; s ||= n;
  for (const v of [1, ...h]) { if (!['a'].includes(v)) throw new Error(v); }
  for (k in o) {} while (w()) {} do {} while (x); switch (y) { case 1: z(); }
  try { t?.u[0](...a) } catch ({ message }) { } finally { }
  res.send(sql` + "`SELECT ${id}`" + `, a ? b : c, !d, typeof e, i++, (j, k), new L, /^x$/);
  return { [id]: 1, ...o, q: x => x * 2, r() {} };
});
`

// checkPositions fails unless every Pos in m names file and lies within src.
func checkPositions(t *testing.T, m *model.Module, file, src string) {
	t.Helper()
	lines := int32(strings.Count(src, "\n") + 1)
	check := func(what string, p model.Pos) {
		ok := p.File == file && p.Line >= 1 && p.EndLine >= p.Line && p.EndLine <= lines &&
			p.Column >= 1 && len(p.Text) <= maxPosText && utf8.ValidString(p.Text)
		if !ok {
			t.Fatalf("%s: %s at %+v, file has %d lines", file, what, p, lines)
		}
	}
	walkModel(m, check)
}

// walkModel calls visit with the position of every function, statement, expression and
// export of m.
func walkModel(m *model.Module, visit func(what string, p model.Pos)) {
	var expr func(x model.Expr)
	var target func(to model.Target)
	exprs := func(xs []model.Expr) {
		for _, x := range xs {
			expr(x)
		}
	}
	expr = func(x model.Expr) {
		if x == nil {
			visit("nil expression", model.Pos{})
			return
		}
		visit("expression", x.At())
		switch x := x.(type) {
		case *model.Member:
			expr(x.Obj)
			if x.Prop == "" {
				expr(x.Index)
			}
		case *model.Call:
			expr(x.Callee)
			exprs(x.Args)
		case *model.Concat:
			exprs(x.Parts)
		case *model.Op:
			exprs(x.Args)
		case *model.Choice:
			exprs(x.Alts)
		case *model.Array:
			exprs(x.Elems)
		case *model.Spread:
			expr(x.X)
		case *model.Object:
			for _, p := range x.Props {
				expr(p.Value)
			}
		}
	}
	target = func(to model.Target) {
		switch to := to.(type) {
		case *model.MemberTarget:
			expr(to.Obj)
		case *model.PatternTarget:
			for _, f := range to.Fields {
				target(f.Target)
				if f.Default != nil {
					expr(f.Default)
				}
			}
			if to.Rest != nil {
				target(to.Rest)
			}
		}
	}
	for _, fn := range m.Funcs {
		visit("function", fn.Pos)
		for _, s := range fn.Body {
			switch s := s.(type) {
			case *model.Assign:
				visit("assignment", s.Pos)
				target(s.To)
				expr(s.Value)
			case *model.Eval:
				expr(s.X)
			case *model.Return:
				visit("return", s.Pos)
				expr(s.X)
			case *model.Guard:
				visit("guard", s.Pos)
			}
		}
	}
	for _, e := range m.Exports {
		visit("export", e.Pos)
	}
}
