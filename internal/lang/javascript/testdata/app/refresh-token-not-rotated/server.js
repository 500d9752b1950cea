const express = require('express');
const helmet = require('helmet');
const rateLimit = require('express-rate-limit');
const tokens = require('./tokens');

const app = express();
app.use(helmet());
app.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }));
app.use(express.json());
app.use('/auth', tokens);
app.listen(3000);
