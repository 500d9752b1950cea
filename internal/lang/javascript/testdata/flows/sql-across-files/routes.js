const express = require('express');
const users = require('./service');

const router = express.Router();

router.get('/users', async (req, res) => {
  res.json(await users.findByEmail(req.query.email));
});

router.get('/users/safe', async (req, res) => {
  res.json(await users.findByEmailSafe(req.query.email));
});

module.exports = router;
