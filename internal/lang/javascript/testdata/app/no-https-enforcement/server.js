const express = require('express');
const helmet = require('helmet');

// Headers by hand, no HSTS, no redirect.
const site = express();
site.use((req, res, next) => {
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  next();
});
site.listen(8080); // want: js.no-https-enforcement

// Headers by hand with HSTS.
const strict = express();
strict.use((req, res, next) => {
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Strict-Transport-Security', 'max-age=31536000');
  next();
});
strict.listen(8081);

// A redirect on req.secure, beside hand-written headers.
const redirected = express();
redirected.use((req, res, next) => {
  if (!req.secure) return res.redirect(301, 'https://' + req.headers.host + req.originalUrl);
  next();
});
redirected.use((req, res, next) => {
  res.setHeader('X-Frame-Options', 'DENY');
  next();
});
redirected.listen(8082);

// helmet sends HSTS.
const withHelmet = express();
withHelmet.use(helmet());
withHelmet.listen(8083);
