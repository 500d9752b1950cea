const express = require('express');
const crypto = require('crypto');
const { mailer, resets } = require('./services');

const app = express();

app.post('/password/forgot', async (req, res) => {
  const token = crypto.randomBytes(32).toString('hex');
  await resets.save(req.body.email, token);
  res.json({ sent: true, token }); // want: js.reset-token-in-response
});

app.post('/v2/password/forgot', async (req, res) => {
  const token = crypto.randomBytes(32).toString('hex');
  await resets.save(req.body.email, token);
  await mailer.sendReset(req.body.email, token);
  res.status(202).json({ sent: true });
});

module.exports = app;
