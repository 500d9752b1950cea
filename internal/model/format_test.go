package model

import (
	"strings"
	"testing"
)

func TestFormat(t *testing.T) {
	m := &Module{Path: "src/users.js", Language: "javascript"}
	init := &Func{Name: "<module>", Module: m}
	cls := &Class{Name: "Users", Module: m, Super: &Ref{Name: "Base"}}
	find := &Func{Name: "find", Module: m, Class: cls, Parent: init}
	handler := &Func{Name: "handler", Module: m, Parent: init}
	cls.Methods = map[string]*Func{"find": find}
	m.Init, m.Funcs = init, []*Func{init, find, handler}
	m.Classes = map[string]*Class{"Users": cls}
	m.Imports = map[string]Import{
		"db":   {Spec: "./db", Module: "src/db.js", Name: "default"},
		"exec": {Spec: "child_process", Name: "exec"},
		"fs":   {Spec: "fs"},
	}
	m.Exports = map[string]Export{
		"default": {},
		"find":    {Local: "find", Func: find},
		"User":    {From: &Import{Spec: "./user", Name: "User", Module: "src/user.js"}},
	}
	m.ReExports = []Import{{Spec: "./models"}}

	id := &Ref{Name: "id"}
	init.Body = []Stmt{
		&Assign{To: &VarTarget{Name: "h"}, Value: &Closure{Func: handler}},
		&Eval{X: &Call{Callee: &Ref{Name: "app"}, Args: []Expr{&Spread{X: &Ref{Name: "mw"}}}}},
	}
	param := Annotation{Name: "Param", Args: []string{"id"}}
	find.Params = []Param{{Name: "id", Annotations: []Annotation{param}}}
	find.Body = []Stmt{
		&Guard{Var: "id", Kind: "allowlist"},
		&Return{X: &Call{Callee: &Member{Obj: &This{}, Prop: "db"}, Args: []Expr{id}}},
	}
	handler.Params = []Param{
		{Name: "req", Annotations: []Annotation{{Name: "request"}}},
		{Name: "rest", Rest: true},
	}
	handler.Body = []Stmt{
		&Assign{To: &MemberTarget{Obj: &Ref{Name: "o"}, Prop: "p"}, Value: &Object{Props: []Prop{
			{Key: "a", Value: &Const{Kind: Number, Value: "1"}},
			{Value: &Ref{Name: "y"}, Spread: true},
			{Value: &Const{Kind: Bool, Value: "true"}},
		}}},
		&Assign{To: &MemberTarget{Obj: &Ref{Name: "o"}}, Value: &Array{Elems: []Expr{
			&Const{Kind: Null}, &Const{Kind: Null, Value: "undefined"},
			&Const{Kind: Regexp, Value: "/^a$/i"}, &Unknown{},
		}}},
		&Eval{X: &Call{Callee: &Ref{Name: "Pool"}, New: true}},
		&Eval{X: &Call{Callee: &Ref{Name: "sql"}, Tagged: true, Args: []Expr{
			&Array{Elems: []Expr{&Const{Kind: String, Value: "a\nb"}}}, id,
		}}},
		&Eval{X: &Member{Obj: &Ref{Name: "xs"}, Index: &Op{Op: "typeof", Args: []Expr{id}}}},
		&Return{X: &Choice{Alts: []Expr{
			&Concat{Parts: []Expr{&Const{Kind: String, Value: "SELECT "}, id}},
			&Op{Op: "!", Args: []Expr{id}},
		}}},
	}

	want := `module src/users.js javascript
import db = "./db".default -> src/db.js
import exec = "child_process".exec
import fs = "fs"
export User = from "./user".User -> src/user.js
export default = value
export find = local find, func find#1
reexport "./models"
class Users extends Base: find#1
func <module>#0()
  h = closure handler#2
  eval call app(...mw)
func Users.find#1(id @Param("id")) in <module>#0
  guard id allowlist
  return call this.db(id)
func handler#2(req @request, ...rest) in <module>#0
  o.p = {a: 1, ...y, []: true}
  o[] = [null, undefined, /^a$/i, ?]
  eval new Pool()
  eval tagged sql(["a\nb"], id)
  eval xs[op typeof(id)]
  return choice(concat("SELECT ", id), op!(id))
`
	if got := Format(m); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestFormatPatterns(t *testing.T) {
	one := &Const{Kind: Number, Value: "1"}
	cases := []struct {
		to   Target
		want string
	}{
		{&PatternTarget{}, "{}"},
		{&PatternTarget{Fields: []PatternField{
			{Key: "a", Target: &VarTarget{Name: "a"}},
			{Key: "b", Target: &VarTarget{Name: "c"}, Default: one},
			{Key: "d", Target: &PatternTarget{Fields: []PatternField{
				{Index: 1, Target: &VarTarget{Name: "e"}},
			}}},
		}, Rest: &VarTarget{Name: "r"}}, "{a, b: c = 1, d: [, e], ...r}"},
		{&PatternTarget{Fields: []PatternField{
			{Index: 0, Target: &VarTarget{Name: "x"}, Default: one},
			{Index: 2, Target: &MemberTarget{Obj: &This{}, Prop: "y"}},
		}, Rest: &VarTarget{Name: "z"}}, "[x = 1, , this.y, ...z]"},
	}
	for _, c := range cases {
		m := &Module{Path: "p", Language: "l"}
		m.Init = &Func{Name: "<module>", Body: []Stmt{&Assign{To: c.to, Value: &Ref{Name: "v"}}}}
		m.Funcs = []*Func{m.Init}
		got := strings.Split(Format(m), "\n")[2]
		if want := "  " + c.want + " = v"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestFormatNil(t *testing.T) {
	if got := Format(nil); got != "<nil>\n" {
		t.Errorf("Format(nil) = %q", got)
	}
}
