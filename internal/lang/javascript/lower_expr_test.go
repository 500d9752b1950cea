package javascript

import "testing"

func TestLowerDeclarationsAndAssignments(t *testing.T) {
	runLowerCases(t, []lowerCase{
		{name: "declarations", src: `
const a = 1, b = a;
let c;
var { d, e: f, g = 2, h: { i }, ...j } = obj;
const [k, , l = 3, ...m] = arr;
`, want: `
func <module>#0()
  a = 1
  b = a
  {d, e: f, g = 2, h: {i}, ...j} = obj
  [k, , l = 3, ...m] = arr
`},
		{name: "assignments", src: `
a = b;
a.b = c;
a[k] = v;
a['s'] = v;
a[0] = v;
({ x, y: this.z } = o);
[p, q] = [q, p];
`, want: `
func <module>#0()
  a = b
  a.b = c
  a[] = v
  a.s = v
  a[] = v
  {x, y: this.z} = o
  [p, q] = [q, p]
`},
		{name: "compound assignments", src: `
s += x;
s += a + b;
n -= 1;
n **= 2;
o.v ||= d;
o.w ??= d;
o.x &&= d;
`, want: `
func <module>#0()
  s = concat(s, x)
  s = concat(s, a, b)
  n = op-(n, 1)
  n = op**(n, 2)
  o.v = choice(o.v, d)
  o.w = choice(o.w, d)
  o.x = choice(o.x, d)
`},
		{name: "nested assignments", src: `
x = y = z;
if ((m = re.exec(s))) use(m);
f(a = g());
`, want: `
func <module>#0()
  y = z
  x = z
  m = call re.exec(s)
  eval call re.exec(s)
  eval call use(m)
  a = call g()
  eval call f(call g())
`},
	})
}

func TestLowerExpressions(t *testing.T) {
	runLowerCases(t, []lowerCase{
		{name: "references and members", src: `
r = [x, undefined, this, super.x, a.b.c, a?.b, a[i], a?.[0], a['k'], a[` + "`t`" + `]];
`, want: `
func <module>#0()
  r = [x, undefined, this, ?.x, a.b.c, a.b, a[i], a[0], a.k, a.t]
`},
		{name: "calls", src: `
f(a, ...rest);
o.m?.(1);
new Pool({ host });
new Foo;
require('x').y();
`, want: `
import require:x = "x"
func <module>#0()
  eval call f(a, ...rest)
  eval call o.m(1)
  eval new Pool({host: host})
  eval new Foo()
  eval call require:x.y()
`},
		{name: "templates", src: `
t = ` + "`plain`" + `;
t = ` + "`a${b}c${d}`" + `;
t = ` + "`${x}`" + `;
t = sql` + "`SELECT ${id} FROM t`" + `;
t = tag` + "``" + `;
`, want: `
func <module>#0()
  t = "plain"
  t = concat("a", b, "c", d)
  t = concat(x)
  t = tagged sql(["SELECT ", " FROM t"], id)
  t = tagged tag([""])
`},
		{name: "operators", src: `
r = [a + b + c, a + (b + c), a - b, a in b, a instanceof B];
r = [a && b, a || b || c, a ?? b, c ? d : e, p(c) ? 1 : 2];
r = [!a, -a, typeof a, void 0, delete a.b, i++, --i];
`, want: `
func <module>#0()
  r = [concat(a, b, c), concat(a, concat(b, c)), op-(a, b), op in(a, b), op instanceof(a, B)]
  eval c
  eval call p(c)
  r = [choice(a, b), choice(a, b, c), choice(a, b), choice(d, e), choice(1, 2)]
  r = [op!(a), op-(a), op typeof(a), op void(0), op delete(a.b), op++(i), op--(i)]
`},
		{name: "wrappers and sequences", file: "f.ts", src: `
r = [await a, (b), c as T, d satisfies T, e!, <T>f, g<T>];
function* gen() { yield h; yield* i(); }
s = (j(), k(), l);
`, want: `
func <module>#0()
  r = [a, b, c, d, e, f, g]
  eval call j()
  eval call k()
  s = l
func gen#1() in <module>#0
  eval h
  eval call i()
`},
		{name: "literals", src: `
r = ['s', "d\"q", 1.5, 0x1f, true, false, null, /^a+$/gi];
`, want: `
func <module>#0()
  r = ["s", "d\"q", 1.5, 0x1f, true, false, null, /^a+$/gi]
`},
		{name: "objects and arrays", src: `
o = { a: 1, b, [k]: 2, [key()]: 3, ...rest, 'q-r': 4, 5: 6, m() {}, get g() { return 1; } };
a = [1, ...xs, [2]];
`, want: `
func <module>#0()
  eval call key()
  o = {a: 1, b: b, []: 2, []: 3, ...rest, q-r: 4, 5: 6, m: closure m#1, g: closure g#2}
  a = [1, ...xs, [2]]
func m#1() in <module>#0
func g#2() in <module>#0
  return 1
`},
		{name: "functions and classes as values", src: `
use(function () {}, () => 1, class K {});
`, want: `
class K
func <module>#0()
  eval call use(closure <anonymous>#1, closure <anonymous>#2, ?)
func <anonymous>#1() in <module>#0
func <anonymous>#2() in <module>#0
  return 1
`},
		{name: "jsx keeps its effects", file: "f.jsx", src: `
const el = <div onClick={() => go(x)}>{render(y)}</div>;
`, want: `
func <module>#0()
  eval call render(y)
  el = ?
func <anonymous>#1() in <module>#0
  return call go(x)
`},
		{name: "broken code keeps its calls", src: `
f(a;
function g() { h(); }
`, want: `
func <module>#0()
  eval call f(a)
func g#1() in <module>#0
  eval call h()
`},
	})
}
