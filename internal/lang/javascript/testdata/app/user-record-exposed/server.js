const express = require('express');
const users = require('./users');

const app = express();
app.use('/users', users);
