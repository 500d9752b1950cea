const express = require('express');
const helmet = require('helmet');

// The admin app is the safe twin: helmet covers every route registered after it.
const admin = express();
admin.use(helmet()); // positive: Security headers set with helmet
admin.get('/health', (req, res) => res.send('ok'));

// Headers set by hand count as well.
const internal = express();
internal.disable('x-powered-by');
internal.use((req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'self'");
  next();
});

module.exports = { admin, internal };
