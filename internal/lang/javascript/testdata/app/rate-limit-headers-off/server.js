const express = require('express');
const rateLimit = require('express-rate-limit');
const auth = require('./auth');

const app = express();
app.use(rateLimit({ windowMs: 60000, limit: 300, standardHeaders: 'draft-7' }));
app.use('/auth', auth);
