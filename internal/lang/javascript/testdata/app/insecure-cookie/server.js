const express = require('express');
const helmet = require('helmet');
const rateLimit = require('express-rate-limit');
const session = require('express-session');
const auth = require('./auth');

const app = express();
app.use(helmet());
app.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }));
// Vulnerable: the session cookie is sent over plain HTTP too.
app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, secure: false }, // want: js.insecure-cookie
}));
app.use('/auth', auth);
app.listen(3000);

// Safe twin: the same session over HTTPS only.
const portal = express();
portal.use(helmet());
portal.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, secure: true, sameSite: 'lax' },
}));
portal.listen(3001);
