const express = require('express');
const logger = require('./logger');
const { check } = require('./users');

const router = express.Router();

router.post('/login', async (req, res) => { // positive: Login attempts are logged on POST /v2/login
  if (!(await check(req.body.email, req.body.password))) {
    logger.warn({ email: req.body.email, ip: req.ip }, 'login failed');
    return res.status(401).json({ error: 'invalid credentials' });
  }
  logger.info({ email: req.body.email }, 'login succeeded');
  res.json({ ok: true });
});

module.exports = router;
