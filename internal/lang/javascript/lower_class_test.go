package javascript

import "testing"

func TestLowerClasses(t *testing.T) {
	runLowerCases(t, []lowerCase{
		{name: "methods and super", src: `
class Repo extends Base {
  constructor(db) { super(db); this.db = db; }
  find(id) { return this.db.query(id); }
  static create() { return new Repo(); }
}
`, want: `
class Repo extends Base: constructor#1 create#3 find#2
func <module>#0()
func Repo.constructor#1(db) in <module>#0
  eval call ?(db)
  this.db = db
func Repo.find#2(id) in <module>#0
  return call this.db.query(id)
func Repo.create#3() in <module>#0
  return new Repo()
`},
		{name: "fields go to the constructor", src: `
class A {
  x = 1;
  static s = load();
  handler = (req) => this.x;
  constructor() { start(); }
  y = f();
  #p = 2;
  static { boot(); }
}
`, want: `
class A: constructor#2
func <module>#0()
  A.s = call load()
  eval call boot()
func handler#1(req) in constructor#2
  return this.x
func A.constructor#2() in <module>#0
  this.x = 1
  this.handler = closure handler#1
  this.y = call f()
  this.#p = 2
  eval call start()
`},
		{name: "fields create a constructor", src: `class B { cfg = read(); }`, want: `
class B: constructor#1
func <module>#0()
func B.constructor#1() in <module>#0
  this.cfg = call read()
`},
		{name: "class without fields has no constructor", src: `class C { m() {} }`, want: `
class C: m#1
func <module>#0()
func C.m#1() in <module>#0
`},
		{name: "class expression", src: `
const D = class extends mixin(E) { run() {} };
use(class { go() {} });
`, want: `
class <anonymous>: go#2
class D extends call mixin(E): run#1
func <module>#0()
  D = ?
  eval call use(?)
func D.run#1() in <module>#0
func <anonymous>.go#2() in <module>#0
`},
		{name: "abstract class", file: "f.ts", src: `
abstract class Q<T> extends Base<T> implements I {
  private readonly n: number = 3;
  abstract m(): void;
  get p(): string { return ''; }
}
`, want: `
class Q extends Base: constructor#1 p#2
func <module>#0()
func Q.constructor#1() in <module>#0
  this.n = 3
func Q.p#2() in <module>#0
  return ""
`},
	})
}
