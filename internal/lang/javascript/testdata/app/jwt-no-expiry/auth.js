const { Router } = require('express');
const jwt = require('jsonwebtoken');

const router = Router();
const key = process.env.JWT_SECRET;

// Vulnerable: neither expiresIn nor an exp claim, so the token never expires.
router.post('/login', (req, res) => {
  const token = jwt.sign({ sub: req.body.email }, key); // want: js.jwt-no-expiry
  res.json({ token });
});

// Safe twin: the same token, valid for fifteen minutes.
router.post('/login-short', (req, res) => {
  const token = jwt.sign({ sub: req.body.email }, key, { expiresIn: '15m' });
  res.json({ token });
});

// Vulnerable: options without an expiry, in a helper of the route file.
function issueSession(user) {
  return jwt.sign({ sub: user.id }, key, { algorithm: 'HS256' }); // want: js.jwt-no-expiry
}

// Safe twin: the helper's options come from a variable that sets one.
const shortLived = { algorithm: 'HS256', expiresIn: '1h' };
function issueShortSession(user) {
  return jwt.sign({ sub: user.id }, key, shortLived);
}

router.post('/session', (req, res) => res.json({ token: issueSession(req.body) }));
router.post('/session-short', (req, res) => res.json({ token: issueShortSession(req.body) }));

// Vulnerable: an access token that lives a week, or a month in seconds.
router.post('/remember', (req, res) => {
  const token = jwt.sign({ sub: req.body.email }, key, {
    expiresIn: '7d', // want: js.jwt-no-expiry
  });
  const device = jwt.sign({ sub: req.body.email }, key, {
    expiresIn: 60 * 60 * 24 * 30, // want: js.jwt-no-expiry
  });
  res.json({ token, device });
});

// Safe twins: an hour in seconds, an exp claim set by hand, and a refresh token, which is
// meant to outlive the access token.
router.post('/remember-short', (req, res) => {
  const token = jwt.sign({ sub: req.body.email }, key, {
    expiresIn: 60 * 60,
  });
  const device = jwt.sign({ sub: req.body.email, exp: Math.floor(Date.now() / 1000) + 900 }, key);
  const refreshToken = jwt.sign({ sub: req.body.email }, process.env.REFRESH_SECRET, {
    expiresIn: '30d',
  });
  res.json({ token, device, refreshToken });
});

// Options handed in by the caller: whether they expire cannot be told here.
function signWith(user, options) {
  return jwt.sign({ sub: user.id }, key, options);
}

module.exports = router;
