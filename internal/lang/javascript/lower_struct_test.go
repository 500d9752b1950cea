package javascript

import (
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/model"
)

// TestLowerLinks checks the pointers Format shows only by name: modules, parents, classes
// and exported functions.
func TestLowerLinks(t *testing.T) {
	m := lowerFile(t, "src/a.js", `
class C { m() { return () => 1; } }
export function f() {}
module.exports.g = function () {};
`)
	if m.Path != "src/a.js" || m.Language != "javascript" || m.Funcs[0] != m.Init {
		t.Fatalf("module %q %q, Funcs[0] %v", m.Path, m.Language, m.Funcs[0].Name)
	}
	if m.Init.Name != "<module>" || m.Init.Parent != nil {
		t.Errorf("init %q has parent %v", m.Init.Name, m.Init.Parent)
	}
	for _, fn := range m.Funcs {
		if fn.Module != m {
			t.Errorf("%s: Module not set", fn.Name)
		}
	}

	c := m.Classes["C"]
	meth := c.Methods["m"]
	if c.Module != m || meth.Class != c || meth.Parent != m.Init {
		t.Errorf("class %+v, method %+v", c, meth)
	}
	closure := meth.Body[0].(*model.Return).X.(*model.Closure).Func
	if closure.Parent != meth || closure.Class != nil {
		t.Errorf("closure parent %v, class %v", closure.Parent, closure.Class)
	}
	if f := m.Exports["f"].Func; f == nil || f.Parent != m.Init || f.Name != "f" {
		t.Errorf("export f: %+v", m.Exports["f"])
	}
	if g := m.Exports["g"].Func; g == nil || g.Name != "g" {
		t.Errorf("export g: %+v", m.Exports["g"])
	}
}

func TestLowerNilFile(t *testing.T) {
	m := Lower("x.js", "javascript", nil)
	if m.Init == nil || len(m.Funcs) != 1 || m.Imports == nil || m.Exports == nil ||
		m.Classes == nil {
		t.Fatalf("empty module %+v", m)
	}
}

func FuzzLower(f *testing.F) {
	f.Add([]byte(everySyntax))
	f.Add([]byte("const { a: { b } } = require('child_process'); b(`${x}`)"))
	f.Add([]byte("class A { x = () => { class B { y = 1 } } }"))
	f.Add([]byte("export default (a = b = c) => [, ...d] = e"))
	f.Add([]byte("if (!/^(a|b)$/.test(x) || ![1].includes(y)) throw 0"))
	f.Add([]byte("`%0"))
	f.Add([]byte("0['']"))
	f.Add([]byte("0!/0.[0]\"!"))
	f.Add([]byte{0xff, 0xfe, '`', '$', '{', 0x00, '\n', '}'})
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, name := range []string{"f.js", "f.ts"} {
			m := lowerFile(t, name, string(src))
			_ = model.Format(m)
			checkPositions(t, m, name, string(src))
		}
	})
}

func BenchmarkLower(b *testing.B) {
	src := []byte(strings.Repeat(everySyntax, 100))
	f := mustParse(b, "f.ts", src)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Lower("f.ts", "typescript", f)
	}
}
