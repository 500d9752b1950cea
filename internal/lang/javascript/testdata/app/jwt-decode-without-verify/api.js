const express = require('express');
const { jwtDecode } = require('jwt-decode');
const { trustToken, checkToken } = require('./middleware');

const router = express.Router();

router.get('/me', trustToken, (req, res) => res.json({ id: req.user.sub }));
router.get('/profile', checkToken, (req, res) => res.json({ id: req.user.sub }));

// Vulnerable: the handler reads the caller's id from a token nobody verified.
router.get('/orders', (req, res) => {
  const claims = jwtDecode(req.get('authorization')); // want: js.jwt-decode-without-verify
  res.json({ owner: claims.sub });
});

// Safe twin: the handler reads the id the middleware verified.
router.get('/invoices', checkToken, (req, res) => {
  res.json({ owner: req.user.sub });
});

module.exports = router;
