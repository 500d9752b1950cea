const express = require('express');
const rateLimit = require('express-rate-limit');

const router = express.Router();
const strict = rateLimit({ windowMs: 15 * 60 * 1000, limit: 10 });

router.post('/login', strict, (req, res) => res.end()); // positive: Rate limit on POST /auth/login
router.post('/register', (req, res) => res.end()); // want: js.auth-route-without-rate-limit
router.post('/password/reset', strict, (req, res) => res.end());
router.post('/otp/verify', (req, res) => res.end()); // want: js.auth-route-without-rate-limit
router.get('/login', (req, res) => res.send('form'));
router.post('/profile', (req, res) => res.end());

module.exports = router;
