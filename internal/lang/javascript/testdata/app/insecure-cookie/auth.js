const { Router } = require('express');
const jwt = require('jsonwebtoken');

const router = Router();
const key = process.env.JWT_SECRET;
const cookieOptions = { httpOnly: true, secure: true, sameSite: 'strict' };

// Vulnerable: the token cookie has none of the flags.
router.post('/login', (req, res) => {
  const token = jwt.sign({ sub: req.body.email }, key, { expiresIn: '15m' });
  res.cookie('token', token); // want: js.insecure-cookie
  res.json({ ok: true });
});

// Safe twin: the same cookie with all three flags, from a shared options object.
router.post('/login-safe', (req, res) => {
  const token = jwt.sign({ sub: req.body.email }, key, { expiresIn: '15m' });
  res.cookie('token', token, cookieOptions);
  res.json({ ok: true });
});

// Vulnerable: a cookie named for nothing in particular that holds a signed token.
router.post('/remember', (req, res) => {
  const remember = jwt.sign({ sub: req.body.email }, key, { expiresIn: '1h' });
  res.cookie('r', remember, { httpOnly: true }); // want: js.insecure-cookie
  res.end();
});

// Vulnerable: secure turned off for the session id.
router.post('/resume', (req, res) => {
  const opts = { httpOnly: true, secure: false, sameSite: 'lax' };
  res.cookie('sid', req.sessionID, opts); // want: js.insecure-cookie
  res.end();
});

// Safe: a preference and a CSRF token that scripts must read are not session cookies;
// clearing a cookie with an empty value sets nothing.
router.post('/prefs', (req, res) => {
  res.cookie('theme', req.body.theme);
  res.cookie('XSRF-TOKEN', req.csrfToken(), { secure: true, sameSite: 'strict' });
  res.cookie('token', '', { maxAge: 0 });
  res.end();
});

module.exports = router;
