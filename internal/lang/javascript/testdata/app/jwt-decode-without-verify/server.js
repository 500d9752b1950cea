const express = require('express');
const helmet = require('helmet');
const rateLimit = require('express-rate-limit');
const api = require('./api');

const app = express();
app.use(helmet());
app.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }));
app.use('/api', api);
app.listen(3000);
