const express = require('express');
const { check } = require('./users');

const router = express.Router();

router.post('/login', async (req, res) => { // want: js.auth-failures-not-logged
  if (!(await check(req.body.email, req.body.password))) {
    return res.status(401).json({ error: 'invalid credentials' });
  }
  res.json({ ok: true });
});

module.exports = router;
