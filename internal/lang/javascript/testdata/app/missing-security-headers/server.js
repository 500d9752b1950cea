const express = require('express');
const users = require('./users');

const app = express(); // want: js.missing-security-headers js.x-powered-by
app.use(express.json());
app.use('/api', users);
app.listen(3000);
