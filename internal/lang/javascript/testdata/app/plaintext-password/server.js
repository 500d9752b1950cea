const express = require('express');
const accounts = require('./accounts');

const app = express();
app.use('/accounts', accounts);
