const crypto = require('crypto');
const express = require('express');
const bcrypt = require('bcrypt');
const { pool } = require('../db');
const { login } = require('../auth');
const { createResetToken } = require('../lib/tokens');

const router = express.Router();

router.post('/login', login);

router.post('/register', async (req, res) => {
  const { email, password } = req.body;
  const passwordHash = await bcrypt.hash(password, 12);
  await pool.query('INSERT INTO users (email, password_hash) VALUES ($1, $2)', [email, passwordHash]);
  res.status(201).end();
});

// Accounts imported from the legacy shop keep their old hashing scheme.
router.post('/import', async (req, res) => {
  const { email, password } = req.body;
  const legacyHash = crypto.createHash('md5').update(password).digest('hex');
  await pool.query('INSERT INTO legacy_users (email, hash) VALUES ($1, $2)', [email, legacyHash]);
  res.status(201).end();
});

router.post('/password-reset', async (req, res) => {
  const token = createResetToken();
  await pool.query('UPDATE users SET reset_token = $1 WHERE email = $2', [token, req.body.email]);
  res.status(202).end();
});

module.exports = router;
