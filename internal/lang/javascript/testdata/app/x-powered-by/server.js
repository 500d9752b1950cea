const express = require('express');

// Without helmet, the header is only off when the app disables it.
const api = express();
api.disable('x-powered-by');
api.use((req, res, next) => {
  res.set('Strict-Transport-Security', 'max-age=31536000');
  next();
});

const legacy = express(); // want: js.missing-security-headers js.x-powered-by
legacy.get('/', (req, res) => res.send('ok'));

const koaLike = express(); // want: js.missing-security-headers js.x-powered-by
koaLike.set('trust proxy', 1);

module.exports = { api, legacy, koaLike };
