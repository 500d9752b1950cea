const express = require('express');
const helmet = require('helmet');
const rateLimit = require('express-rate-limit');
const orders = require('./orders');

const app = express();
app.use(helmet());
app.use(rateLimit({ limit: 300 }));
app.use('/orders', orders);
