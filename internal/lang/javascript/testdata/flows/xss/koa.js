const Router = require('@koa/router');

const router = new Router();

router.get('/search', async (ctx) => {
  ctx.body = `<p>No results for ${ctx.query.q}</p>`; // want: js.xss
});

router.get('/search/safe', async (ctx) => {
  ctx.body = { results: [], query: ctx.query.q };
});

module.exports = router;
