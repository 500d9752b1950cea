const express = require('express');
const helmet = require('helmet');
const rateLimit = require('express-rate-limit');
const session = require('express-session');
const account = require('./account');

const app = express();
app.use(helmet());
app.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }));
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true } }));
app.use('/auth', account);

// Vulnerable: the app's own logout only answers.
app.post('/logout', (req, res) => res.redirect('/')); // want: js.logout-without-invalidation

// Safe twin: the same answer after destroying the session.
app.post('/logout-now', (req, res) => req.session.destroy(() => res.redirect('/')));
app.listen(3000);
