const express = require('express');
const config = require('./config');
const orders = require('./routes/orders');
const users = require('./routes/users');
const admin = require('./routes/admin');
const catalog = require('./routes/catalog');
const { reports } = require('./reports');

const app = express();
app.use(express.json({ limit: '100kb' }));
app.use('/api', users);
app.use('/api', orders);
app.use('/api', admin);
app.use('/api', catalog);
app.use('/api', reports);

app.listen(config.port);
