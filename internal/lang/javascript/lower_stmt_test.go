package javascript

import "testing"

func TestLowerStatements(t *testing.T) {
	runLowerCases(t, []lowerCase{
		{name: "blocks and if", src: `
{ a(); }
if (check(x)) { b(); } else if (y) c(); else { d(); }
if (flag) e();
`, want: `
func <module>#0()
  eval call a()
  eval call check(x)
  eval call b()
  eval y
  eval call c()
  eval call d()
  eval flag
  eval call e()
`},
		{name: "loops", src: `
for (let i = 0; i < n(); i++) { f(i); }
for (const x of xs) { g(x); }
for (const k in obj) h(k);
for (const [k, v] of Object.entries(o)) {}
for (x of ys) {}
for (;;) { break; }
while (more()) { step(); }
do { work(); } while (busy);
`, want: `
func <module>#0()
  i = 0
  eval op<(i, call n())
  eval call f(i)
  x = xs[?]
  eval call g(x)
  k = obj[?]
  eval call h(k)
  [k, v] = call Object.entries(o)[?]
  x = ys[?]
  eval call more()
  eval call step()
  eval call work()
  eval busy
`},
		{name: "switch", src: `
switch (kind(x)) {
  case 'a': one(); break;
  case load(): two();
  default: three();
}
switch (y) { case 1: four(); }
`, want: `
func <module>#0()
  eval call kind(x)
  eval "a"
  eval call one()
  eval call load()
  eval call two()
  eval call three()
  eval y
  eval 1
  eval call four()
`},
		{name: "try", src: `
try { risky(); } catch (e) { log(e); } finally { done(); }
try { again(); } catch { }
try { x(); } catch ({ message }) { }
`, want: `
func <module>#0()
  eval call risky()
  e = ?
  eval call log(e)
  eval call done()
  eval call again()
  eval call x()
  {message} = ?
`},
		{name: "labels, throw, return", src: `
outer: for (;;) { continue outer; }
function f(a) {
  if (!a) return;
  if (a > 1) throw new Error('big: ' + a);
  return a;
}
`, want: `
func <module>#0()
func f#1(a) in <module>#0
  eval op!(a)
  eval op>(a, 1)
  eval new Error(concat("big: ", a))
  return a
`},
		{name: "expression statements", src: `
'use strict';
f();
x;
a = 1, g();
`, want: `
func <module>#0()
  eval "use strict"
  eval call f()
  eval x
  a = 1
  eval call g()
`},
		{name: "typescript only statements", file: "f.ts", src: `
interface I { x: number }
type T = string;
declare const d: number;
enum E { A = compute() }
namespace N { run(); }
`, want: `
func <module>#0()
  eval call compute()
  eval call run()
`},
	})
}

func TestLowerGuards(t *testing.T) {
	runLowerCases(t, []lowerCase{
		{name: "allowlist literal", src: `
function f(sort) {
  if (['asc', 'desc'].includes(sort)) { q(sort); }
}
`, want: `
func <module>#0()
func f#1(sort) in <module>#0
  eval call ["asc", "desc"].includes(sort)
  guard sort allowlist
  eval call q(sort)
`},
		{name: "negated allowlist const exits", src: `
const ALLOWED = ['name', 'date'];
function f(col) {
  if (!ALLOWED.includes(col)) return res.status(400).end();
  db.query('ORDER BY ' + col);
}
`, want: `
func <module>#0()
  ALLOWED = ["name", "date"]
func f#1(col) in <module>#0
  eval op!(call ALLOWED.includes(col))
  return call call res.status(400).end()
  guard col allowlist
  eval call db.query(concat("ORDER BY ", col))
`},
		{name: "const declared after use, set, throw in block", src: `
function f(t) {
  if (!TABLES.has(t)) { log(t); throw new Error('no'); }
}
const TABLES = new Set(['users', 'orders']);
`, want: `
func <module>#0()
  TABLES = new Set(["users", "orders"])
func f#1(t) in <module>#0
  eval op!(call TABLES.has(t))
  eval call log(t)
  eval new Error("no")
  guard t allowlist
`},
		{name: "anchored patterns", src: `
const ID = /^[0-9]+$/;
function f(a, b, c) {
  if (/^[a-z]+$/.test(a)) use(a);
  if (!ID.test(b)) throw new Error();
  if (/[a-z]+/.test(c)) use(c);
  if (/^a|b$/.test(c)) use(c);
}
`, want: `
func <module>#0()
  ID = /^[0-9]+$/
func f#1(a, b, c) in <module>#0
  eval call /^[a-z]+$/.test(a)
  guard a pattern
  eval call use(a)
  eval op!(call ID.test(b))
  eval new Error()
  guard b pattern
  eval call /[a-z]+/.test(c)
  eval call use(c)
  eval call /^a|b$/.test(c)
  eval call use(c)
`},
		{name: "conjunctions and disjunctions", src: `
const L = ['a', 1, -2, null];
function f(a, b) {
  if (L.includes(a) && /^x$/.test(b)) use(a, b);
  if (!a || !L.includes(a) || !L.includes(b)) return;
}
`, want: `
func <module>#0()
  L = ["a", 1, op-(2), null]
func f#1(a, b) in <module>#0
  eval choice(call L.includes(a), call /^x$/.test(b))
  guard a allowlist
  guard b pattern
  eval call use(a, b)
  eval choice(op!(a), op!(call L.includes(a)), op!(call L.includes(b)))
  guard a allowlist
  guard b allowlist
`},
		{name: "not guards", src: `
let M = ['a'];
const N = ['a', x];
function f(a) {
  if (M.includes(a)) {}
  if (N.includes(a)) {}
  if (!['a'].includes(a)) { log(a); }
  if (['a'].includes(a.b)) {}
  if (['a'].indexOf(a)) {}
}
`, want: `
func <module>#0()
  M = ["a"]
  N = ["a", x]
func f#1(a) in <module>#0
  eval call M.includes(a)
  eval call N.includes(a)
  eval op!(call ["a"].includes(a))
  eval call log(a)
  eval call ["a"].includes(a.b)
  eval call ["a"].indexOf(a)
`},
	})
}
