const express = require('express');
const User = require('./user');

const app = express();

app.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email, password: req.body.password }); // want: js.nosql-injection
  res.json({ ok: Boolean(user) });
});

app.post('/login/safe', async (req, res) => {
  const user = await User.findOne({ email: String(req.body.email) });
  res.json({ ok: Boolean(user) });
});

app.get('/users/:id', async (req, res) => {
  res.json(await User.findOne({ _id: req.params.id }));
});

app.get('/users', async (req, res) => {
  res.json(await User.find(req.query)); // want: js.nosql-injection
});

module.exports = app;
