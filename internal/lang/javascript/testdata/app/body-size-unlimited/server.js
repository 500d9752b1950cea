const express = require('express');
const helmet = require('helmet');
const api = require('./api');

const app = express();
app.use(helmet());
app.use(express.json({ limit: '50mb' })); // want: js.body-size-unlimited
app.use(express.urlencoded({ extended: false, limit: '10mb' }));
app.use(express.text());
app.use('/api', api);

module.exports = app;
