package syntax_test

import (
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/syntax"
	js "github.com/tree-sitter/tree-sitter-javascript/bindings/go"
)

var grammar = syntax.NewGrammar("javascript", js.Language())

// sexp renders a tree compactly so that tests can compare shapes.
func sexp(n *syntax.Node) string {
	var b strings.Builder
	var walk func(*syntax.Node)
	walk = func(n *syntax.Node) {
		b.WriteString("(")
		if n.Field != "" {
			b.WriteString(n.Field + ":")
		}
		b.WriteString(n.Kind)
		for _, c := range n.Children {
			b.WriteString(" ")
			walk(c)
		}
		b.WriteString(")")
	}
	walk(n)
	return b.String()
}

func TestParseKeepsNamedNodesKeywordsAndOperators(t *testing.T) {
	f, err := grammar.Parse([]byte("const a = b + 1;\nnew X(a);"))
	if err != nil {
		t.Fatal(err)
	}
	want := "(program (lexical_declaration (kind:const) (variable_declarator " +
		"(name:identifier) (value:binary_expression (left:identifier) (operator:+) " +
		"(right:number)))) (expression_statement (new_expression (new) " +
		"(constructor:identifier) (arguments:arguments (identifier)))))"
	if got := sexp(f.Root); got != want {
		t.Errorf("tree =\n%s\nwant\n%s", got, want)
	}
	if len(f.ErrorLines) != 0 {
		t.Errorf("ErrorLines = %v, want none", f.ErrorLines)
	}
}

func TestParsePositionsAndParents(t *testing.T) {
	src := []byte("x = 1;\n  eval(y);")
	f, err := grammar.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	call := f.Root.Children[1].Children[0]
	if call.Kind != "call_expression" || call.Text(src) != "eval(y)" {
		t.Fatalf("second statement = %s %q", call.Kind, call.Text(src))
	}
	if call.Start != (syntax.Point{Line: 2, Column: 3}) || call.End.Column != 10 {
		t.Errorf("span = %v-%v, want 2:3-2:10", call.Start, call.End)
	}
	if call.Parent.Parent != f.Root {
		t.Error("parent links do not lead back to the root")
	}
}

func TestParseRecordsSyntaxErrors(t *testing.T) {
	f, err := grammar.Parse([]byte("const ok = 1;\nfunction (( {\nconst fine = 2;\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.ErrorLines) == 0 || f.ErrorLines[0] != 2 {
		t.Errorf("ErrorLines = %v, want first error on line 2", f.ErrorLines)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("app.get('/x', (req, res) => db.query(`SELECT ${req.query.id}`));"))
	f.Add([]byte("function (( {"))
	f.Add([]byte{0xff, 0xfe, 0x00, '`', '$', '{'})
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := grammar.Parse(src)
		if err != nil {
			return
		}
		syntax.Walk(file.Root, func(n *syntax.Node) bool {
			if n.StartByte > n.EndByte || int(n.EndByte) > len(src) {
				t.Fatalf("%s spans %d-%d in %d bytes", n.Kind, n.StartByte, n.EndByte, len(src))
			}
			return true
		})
	})
}
