const crypto = require('crypto');
const express = require('express');
const helmet = require('helmet');
const hooks = require('./hooks');

const app = express();
app.use(helmet());
app.use(express.json());
app.use('/hooks', hooks);

function safeEqual(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

// A deploy token from a header, compared with === and with timingSafeEqual.
app.post('/deploy', (req, res) => {
  const token = req.headers['x-deploy-token'];
  res.sendStatus(token === process.env.DEPLOY_TOKEN ? 202 : 401); // want: js.timing-unsafe-compare
});

app.post('/deploy/safe', (req, res) => {
  const token = req.headers['x-deploy-token'];
  res.sendStatus(safeEqual(token, process.env.DEPLOY_TOKEN) ? 202 : 401);
});

// A reset token from the body against the one stored for the user.
app.post('/reset', async (req, res) => {
  const user = await findUser(req.body.email);
  if (user.resetToken !== req.body.token) { // want: js.timing-unsafe-compare
    return res.sendStatus(400);
  }
  await setPassword(user, req.body.password);
  res.sendStatus(204);
});

app.post('/reset/safe', async (req, res) => {
  const user = await findUser(req.body.email);
  if (!safeEqual(user.resetToken, req.body.token)) {
    return res.sendStatus(400);
  }
  await setPassword(user, req.body.password);
  res.sendStatus(204);
});

// Comparisons that hold no secret: constants, a type and a length.
const TOKEN_KIND = 'token';
app.get('/kind', (req, res) => res.json({ token: req.query.kind === 'token' }));
app.get('/kind2', (req, res) => res.json({ token: req.query.kind === TOKEN_KIND }));
app.get('/shape', (req, res) => res.json({ ok: typeof req.query.token === 'string' }));
app.get('/size', (req, res) => res.json({ ok: req.query.token.length === 32 }));

module.exports = app;
