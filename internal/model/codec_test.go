package model

import (
	"bytes"
	"testing"
)

// sampleModule has one of each construct the encoding knows: classes with methods,
// nested functions and closures, shared expressions, patterns, exports and re-exports.
func sampleModule() *Module {
	m := &Module{Path: "src/a.js", Language: "javascript",
		Imports: map[string]Import{"db": {Spec: "./db", Module: "src/db.js"}},
		Exports: map[string]Export{}, Classes: map[string]*Class{}}
	at := func(line int32, text string) Pos {
		return Pos{File: m.Path, Line: line, Column: 3, EndLine: line, EndColumn: 9, Text: text}
	}
	m.Init = &Func{Name: "<module>", Module: m}
	handler := &Func{Name: "find", Module: m, Parent: m.Init, Pos: at(2, "find(req)"),
		Params: []Param{{Name: "req", Annotations: []Annotation{{Name: "request"}}}},
		Route:  "GET /x"}
	inner := &Func{Name: "<anonymous>", Module: m, Parent: handler, Pos: at(3, "() => q")}
	c := &Class{Name: "Repo", Module: m, Methods: map[string]*Func{"find": handler},
		Super: &Ref{Name: "Base", Pos: at(1, "Base")}, Validated: true,
		Annotations: []Annotation{{Name: "Controller", Args: []string{"x"}}}}
	handler.Class = c
	m.Classes["Repo"] = c
	m.Funcs = []*Func{m.Init, handler, inner}

	q := &Member{Obj: &Member{Obj: &Ref{Name: "req", Pos: at(2, "req")}, Prop: "query"},
		Prop: "id", Pos: at(2, "req.query.id")}
	handler.Body = []Stmt{
		&Assign{To: &VarTarget{Name: "q"}, Value: q, Pos: at(2, "q = req.query.id")},
		&Assign{To: &PatternTarget{Fields: []PatternField{{Key: "a", Index: -1,
			Target: &VarTarget{Name: "a"}, Default: &Const{Kind: String, Value: "x"}}},
			Rest: &VarTarget{Name: "rest"}}, Value: &Object{Props: []Prop{{Key: "a",
			Value: q}, {Value: &Spread{X: &This{}}, Spread: true}}}},
		&Guard{Var: "q", Kind: "allowlist", Pos: at(4, "LIST.includes(q)")},
		&Eval{X: &Call{Callee: &Member{Obj: &Ref{Name: "db"}, Prop: "query"},
			Args: []Expr{&Concat{Parts: []Expr{&Const{Kind: String, Value: "SELECT "}, q}},
				&Closure{Func: inner}, &Op{Op: "!", Args: []Expr{&Unknown{}}},
				&Choice{Alts: []Expr{&Array{Elems: []Expr{q}}}}}, New: true}},
		&Return{X: &Member{Obj: q, Index: &Const{Kind: Number, Value: "0"}}},
		&Assign{To: &MemberTarget{Obj: &This{}, Prop: "last"}, Value: q},
	}
	m.Exports["default"] = Export{Func: handler, Pos: at(9, "module.exports")}
	m.Exports["x"] = Export{Local: "x", From: &Import{Spec: "./x", Name: "y"}}
	m.ReExports = []Import{{Spec: "./all"}}
	return m
}

func TestSampleModuleSurvivesEncoding(t *testing.T) {
	m := sampleModule()
	enc, err := EncodeModule(nil, m)
	if err != nil {
		t.Fatal(err)
	}
	dec, err := DecodeModule(enc)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := Format(dec), Format(m); got != want {
		t.Errorf("decoded:\n%s\nwant:\n%s", got, want)
	}
	again, _ := EncodeModule(nil, dec)
	if !bytes.Equal(again, enc) {
		t.Error("re-encoding the decoded module gives other bytes")
	}

	// The request value is one expression in four places, and stays one.
	assign := dec.Funcs[1].Body[0].(*Assign)
	ret := dec.Funcs[1].Body[4].(*Return)
	if ret.X.(*Member).Obj != assign.Value {
		t.Error("a shared expression was decoded as two")
	}
	if dec.Funcs[1].Class != dec.Classes["Repo"] || dec.Funcs[2].Parent != dec.Funcs[1] {
		t.Error("function links lost")
	}
}

func TestEncodingRefusesFunctionsOutsideTheModule(t *testing.T) {
	m := sampleModule()
	m.Funcs = m.Funcs[:2] // the closure's function is no longer listed
	if _, err := EncodeModule(nil, m); err == nil {
		t.Error("a closure over an unlisted function was encoded")
	}
}

// FuzzDecodeModule checks that no input makes decoding panic, and that whatever decodes
// encodes again to an encoding that decodes to the same module.
func FuzzDecodeModule(f *testing.F) {
	enc, err := EncodeModule(nil, sampleModule())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(enc)
	f.Add(enc[:len(enc)/2])
	f.Add([]byte{codecVersion, 0, 1, 'a', 0, 0, 1, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := DecodeModule(data)
		if err != nil {
			return
		}
		again, err := EncodeModule(nil, m)
		if err != nil {
			// A decoded module can refer to functions only by index, so it always
			// encodes.
			t.Fatalf("a decoded module does not encode: %v", err)
		}
		m2, err := DecodeModule(again)
		if err != nil || Format(m2) != Format(m) {
			t.Fatalf("round trip differs: %v", err)
		}
	})
}
