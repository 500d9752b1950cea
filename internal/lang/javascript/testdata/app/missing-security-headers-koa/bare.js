const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa(); // want: js.missing-security-headers
const router = new Router();
router.get('/orders', (ctx) => { ctx.body = { orders: [] }; });
app.use(router.routes());
app.listen(3001);
