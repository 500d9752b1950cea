const express = require('express');
const auth = require('./auth');

const app = express();
app.use('/auth', auth);
