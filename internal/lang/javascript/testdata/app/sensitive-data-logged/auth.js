const express = require('express');
const logger = require('./logger');

const router = express.Router();

router.post('/login', (req, res) => {
  logger.info('login attempt', req.body.email, req.body.password); // want: js.sensitive-data-logged
  logger.info({ email: req.body.email }, 'login attempt');
  console.debug('login body', req.body); // want: js.sensitive-data-logged
  res.end();
});

router.get('/me', (req, res) => {
  console.log('auth header', req.headers.authorization); // want: js.sensitive-data-logged
  console.log('password reset requested for', req.query.email);
  res.end();
});

router.post('/profile', (req, res) => {
  console.log('profile update', req.body);
  res.end();
});

module.exports = router;
