package javascript

import "testing"

func TestLowerModuleAndFunctions(t *testing.T) {
	runLowerCases(t, []lowerCase{
		{name: "init holds top-level code, funcs in source order", src: `
setup();
function a() { function b() {} }
const c = () => 1;
`, want: `
func <module>#0()
  eval call setup()
  c = closure c#3
func a#1() in <module>#0
func b#2() in a#1
func c#3() in <module>#0
  return 1
`},
		{name: "function forms", src: `
function decl(x) { return x; }
function* gen() { yield 1; }
const expr = function () {};
const named = function inner() {};
const arrow = async (a) => { await a; };
const obj = { method(y) { return y; } };
`, want: `
func <module>#0()
  expr = closure expr#3
  named = closure inner#4
  arrow = closure arrow#5
  obj = {method: closure method#6}
func decl#1(x) in <module>#0
  return x
func gen#2() in <module>#0
  eval 1
func expr#3() in <module>#0
func inner#4() in <module>#0
func arrow#5(a) in <module>#0
  eval a
func method#6(y) in <module>#0
  return y
`},
		{name: "names from assignments", src: `
exports.find = function () {};
module.exports = function () {};
app.handler = () => {};
o['key'] = () => {};
let v;
v = () => {};
function f(cb = () => {}) {}
run(() => {});
`, want: `
export default = func default#2
export find = func find#1
func <module>#0()
  exports.find = closure find#1
  module.exports = closure default#2
  app.handler = closure handler#3
  o.key = closure key#4
  v = closure v#5
  eval call run(closure <anonymous>#8)
func find#1() in <module>#0
func default#2() in <module>#0
func handler#3() in <module>#0
func key#4() in <module>#0
func v#5() in <module>#0
func f#6(cb) in <module>#0
  cb = choice(cb, closure cb#7)
func cb#7() in f#6
func <anonymous>#8() in <module>#0
`},
		{name: "parents are lexical", src: `
function outer() {
  const inner = () => () => 1;
}
class C { m() { return () => 2; } }
`, want: `
class C: m#4
func <module>#0()
func outer#1() in <module>#0
  inner = closure inner#2
func inner#2() in outer#1
  return closure <anonymous>#3
func <anonymous>#3() in inner#2
  return 1
func C.m#4() in <module>#0
  return closure <anonymous>#5
func <anonymous>#5() in m#4
  return 2
`},
		{name: "arrow expression body returns", src: `const f = (a, b) => a + b;`, want: `
func <module>#0()
  f = closure f#1
func f#1(a, b) in <module>#0
  return concat(a, b)
`},
		{name: "typescript function", file: "f.ts", src: `
export async function get<T>(id: string): Promise<T> { return db.find(id) as T; }
`, want: `
export get = local get, func get#1
func <module>#0()
func get#1(id) in <module>#0
  return call db.find(id)
`},
	})
}

func TestLowerParams(t *testing.T) {
	runLowerCases(t, []lowerCase{
		{name: "plain, default and rest", src: `function f(a, b = 1, ...rest) {}`, want: `
func <module>#0()
func f#1(a, b, ...rest) in <module>#0
  b = choice(b, 1)
`},
		{name: "destructured", src: `function f({ body, query: { id } }, [x, , y], ...[z]) {}`,
			want: `
func <module>#0()
func f#1($p0, $p1, ...$p2) in <module>#0
  {body, query: {id}} = $p0
  [x, , y] = $p1
  [z] = $p2
`},
		{name: "destructured with default", src: `const f = ({ a } = {}) => a;`, want: `
func <module>#0()
  f = closure f#1
func f#1($p0) in <module>#0
  $p0 = choice($p0, {})
  {a} = $p0
  return a
`},
		{name: "typescript parameters", file: "f.ts", src: `
function f(this: Window, a: string, b?: number, c: number = 2, ...d: string[]) {}
`, want: `
func <module>#0()
func f#1(a, b, c, ...d) in <module>#0
  c = choice(c, 2)
`},
		{name: "nestjs decorators", file: "f.ts", src: `
class UsersController {
  @Post(':id')
  update(@Param('id') id: string, @Body() dto: UpdateDto, @Query() { page }: Q) {}
}
`, want: `
class UsersController: update#1
func <module>#0()
func UsersController.update#1(id @Param("id"), dto @Body, $p2 @Query) in <module>#0
  {page} = $p2
`},
		{name: "parameter properties", file: "f.ts", src: `
class Service {
  constructor(private readonly db: Db, public name: string, plain: number) { init(); }
}
`, want: `
class Service: constructor#1
func <module>#0()
func Service.constructor#1(db, name, plain) in <module>#0
  db = new Db()
  this.db = db
  this.name = name
  eval call init()
`},
	})
}

func TestLowerRouteHandlers(t *testing.T) {
	runLowerCases(t, []lowerCase{
		{name: "express methods", src: `
app.get('/users/:id', auth, (req, res) => res.send(req.params.id));
router.post('/users', async function (req, res, next) {});
app.use('/api', (req, res, next) => next());
app.delete('*', (rq) => {});
`, want: `
func <module>#0()
  eval call app.get("/users/:id", auth, closure <anonymous>#1)
  eval call router.post("/users", closure <anonymous>#2)
  eval call app.use("/api", closure <anonymous>#3)
  eval call app.delete("*", closure <anonymous>#4)
func <anonymous>#1(req @request, res @response) in <module>#0
  return call res.send(req.params.id)
func <anonymous>#2(req @request, res @response, next) in <module>#0
func <anonymous>#3(req @request, res @response, next) in <module>#0
  return call next()
func <anonymous>#4(rq @request) in <module>#0
`},
		{name: "chained route", src: `router.route('/users').put((req, res) => {});`, want: `
func <module>#0()
  eval call call router.route("/users").put(closure <anonymous>#1)
func <anonymous>#1(req @request, res @response) in <module>#0
`},
		{name: "koa context", src: `
router.get('/a', async (ctx) => {});
router.get('/b', async (ctx, next) => {});
`, want: `
func <module>#0()
  eval call router.get("/a", closure <anonymous>#1)
  eval call router.get("/b", closure <anonymous>#2)
func <anonymous>#1(ctx @request @response) in <module>#0
func <anonymous>#2(ctx @request @response, next) in <module>#0
`},
		{name: "not routes", src: `
app.get('title', (a, b) => {});
cache.get(key, (err, v) => {});
app.use((req, res) => {});
app.listen(3000, (x) => {});
`, want: `
func <module>#0()
  eval call app.get("title", closure <anonymous>#1)
  eval call cache.get(key, closure <anonymous>#2)
  eval call app.use(closure <anonymous>#3)
  eval call app.listen(3000, closure <anonymous>#4)
func <anonymous>#1(a, b) in <module>#0
func <anonymous>#2(err, v) in <module>#0
func <anonymous>#3(req, res) in <module>#0
func <anonymous>#4(x) in <module>#0
`},
		{name: "tsx handler", file: "f.tsx", src: `
app.get('/', (req: Request, res: Response) => res.send(<p>{req.query.q}</p>));
`, want: `
func <module>#0()
  eval call app.get("/", closure <anonymous>#1)
func <anonymous>#1(req @request, res @response) in <module>#0
  return call res.send(?)
`},
	})
}
