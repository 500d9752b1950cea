const express = require('express');
const logger = require('./logger');

const app = express();

app.post('/login', (req, res) => {
  logger.info('login attempt for ' + req.body.username); // want: js.log-injection
  logger.info({ user: req.body.username }, 'login attempt');
  console.warn(`failed login for ${req.body.username.replace(/[\r\n]/g, '')}`);
  res.status(401).end();
});
