const express = require('express');
const helmet = require('helmet');
const rateLimit = require('express-rate-limit');
const admin = require('./admin');
const { requireAuth, requireAdmin } = require('./guards');

const app = express();
app.use(helmet());
app.use(rateLimit({ limit: 300 }));
app.use('/admin', admin);
app.use('/backoffice', requireAuth, requireAdmin, admin);

app.post('/internal/reindex', (req, res) => res.end()); // want: js.admin-route-without-auth
app.post('/internal/cache/flush', requireAuth, (req, res) => res.end()); // want: js.admin-route-without-auth

app.put('/users/:id/role', requireAuth, requireAdmin, async (req, res) => { // positive: Role check on PUT /users/:id/role
  const user = await loadUser(req.params.id);
  user.role = 'editor';
  res.json(user);
});

app.put('/users/:id/promote', requireAuth, async (req, res) => { // want: js.admin-route-without-auth
  const user = await loadUser(req.params.id);
  user.role = 'admin';
  res.json(user);
});

async function loadUser(id) {
  return { id };
}

const { User } = require('./models');

app.delete('/users/:id', requireAuth, async (req, res) => { // want: js.admin-route-without-auth
  await User.destroy({ where: { id: req.params.id } });
  res.status(204).end();
});

app.delete('/me', requireAuth, async (req, res) => {
  await User.destroy({ where: { id: req.user.id } });
  res.status(204).end();
});
