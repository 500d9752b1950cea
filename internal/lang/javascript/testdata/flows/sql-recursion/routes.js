const express = require('express');
const { descendMore } = require('./b');
const { safeDescend } = require('./a');

const router = express.Router();

router.get('/tree', async (req, res) => {
  res.json(await descendMore(req.query.name, 0));
});

router.get('/tree/safe', async (req, res) => {
  res.json(await safeDescend(req.query.name, 0));
});

module.exports = router;
