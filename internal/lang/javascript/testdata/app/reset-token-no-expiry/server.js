const express = require('express');
const crypto = require('crypto');
const { User } = require('./models');

const app = express();

app.post('/password/forgot', async (req, res) => {
  const token = crypto.randomBytes(32).toString('hex');
  await User.update({ resetToken: token }, { where: { email: req.body.email } }); // want: js.reset-token-no-expiry
  res.status(202).end();
});

app.post('/v2/password/forgot', async (req, res) => {
  const token = crypto.randomBytes(32).toString('hex');
  await User.update(
    { resetToken: token, resetTokenExpires: Date.now() + 15 * 60 * 1000 },
    { where: { email: req.body.email } },
  );
  res.status(202).end();
});

module.exports = app;
