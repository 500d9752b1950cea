const express = require('express');
const helmet = require('helmet');
const rateLimit = require('express-rate-limit');
const cookieSession = require('cookie-session');

// Vulnerable: cookie-session's cookie is readable by any script of the page.
const legacy = express();
legacy.use(helmet());
const options = {
  name: 'session',
  keys: [process.env.SESSION_KEY],
  httpOnly: false, // want: js.insecure-cookie
};
legacy.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }));
legacy.use(cookieSession(options));
legacy.get('/', (req, res) => res.send('ok'));

// Safe twin: the defaults keep httpOnly, and secure is on.
const modern = express();
modern.use(helmet());
modern.use(cookieSession({ name: 'session', keys: [process.env.SESSION_KEY], secure: true }));

module.exports = { legacy, modern };
