const express = require('express');

const app = express();

app.get('/login/done', (req, res) => {
  res.redirect(req.query.next); // want: js.open-redirect
});

app.get('/login/done/safe', (req, res) => {
  const next = req.query.next;
  if (!/^\/[a-z0-9/-]*$/.test(next)) {
    return res.redirect('/');
  }
  res.redirect(next);
});

app.get('/out', (req, res) => {
  res.setHeader('Location', req.query.to); // want: js.open-redirect
  res.setHeader('X-Request-Id', req.query.to);
  res.status(302).end();
});

module.exports = app;
