const express = require('express');
const helmet = require('helmet');
const rateLimit = require('express-rate-limit');

const api = express(); // want: js.no-rate-limit
api.use(helmet());
api.get('/items', (req, res) => res.json([]));

const limited = express();
limited.use(helmet());
limited.use(rateLimit({ limit: 300 }));
limited.get('/items', (req, res) => res.json([]));

const idle = express();
idle.use(helmet());

module.exports = { api, limited, idle };
