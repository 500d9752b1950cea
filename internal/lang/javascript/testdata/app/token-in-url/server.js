const express = require('express');
const jwt = require('jsonwebtoken');

const app = express();

function requireToken(req, res, next) {
  const token = req.get('Authorization') || req.query.access_token; // want: js.token-in-url
  try {
    req.user = jwt.verify(token, process.env.KEY, { algorithms: ['HS256'] });
    next();
  } catch (err) {
    res.status(401).end();
  }
}

function requireBearer(req, res, next) {
  try {
    req.user = jwt.verify(req.get('Authorization'), process.env.KEY, { algorithms: ['HS256'] });
    next();
  } catch (err) {
    res.status(401).end();
  }
}

app.get('/reports', requireToken, (req, res) => res.json([]));
app.get('/orders', requireBearer, (req, res) => res.json([]));

app.get('/sso/callback', (req, res) => {
  const token = jwt.sign({ sub: req.query.user }, process.env.KEY, { expiresIn: '15m' });
  res.redirect('/app?token=' + token); // want: js.token-in-url
});

app.get('/sso/callback/cookie', (req, res) => {
  const token = jwt.sign({ sub: req.query.user }, process.env.KEY, { expiresIn: '15m' });
  res.cookie('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  res.redirect('/app?welcome=1');
});
