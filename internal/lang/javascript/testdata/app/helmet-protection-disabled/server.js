const express = require('express');
const helmet = require('helmet');

const app = express();
app.use(helmet({
  contentSecurityPolicy: false, // want: js.helmet-protection-disabled
  crossOriginEmbedderPolicy: true,
  frameguard: { action: 'deny' },
  hsts: false, // want: js.helmet-protection-disabled
}));

const strict = express();
strict.use(helmet({ contentSecurityPolicy: { directives: { 'default-src': ["'self'"] } } }));

module.exports = { app, strict };
