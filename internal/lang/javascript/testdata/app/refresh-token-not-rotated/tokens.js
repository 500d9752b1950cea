const { Router } = require('express');
const jwt = require('jsonwebtoken');
const { RefreshToken, User } = require('./models');
const redis = require('./redis');

const router = Router();
const key = process.env.JWT_SECRET;
const refreshKey = process.env.REFRESH_SECRET;
const verifyOptions = { algorithms: ['HS256'] };

function accessToken(sub) {
  return jwt.sign({ sub }, key, { expiresIn: '15m' });
}

// Vulnerable: the presented refresh token stays valid after it bought a new access token.
router.post('/refresh', (req, res) => { // want: js.refresh-token-not-rotated
  const claims = jwt.verify(req.body.refreshToken, refreshKey, verifyOptions);
  res.json({ token: accessToken(claims.sub) });
});

// Safe twin: the old refresh token is deleted before new tokens are issued.
router.post('/refresh-rotate', async (req, res) => {
  const claims = jwt.verify(req.body.refreshToken, refreshKey, verifyOptions);
  await RefreshToken.deleteOne({ token: req.body.refreshToken });
  const refreshToken = jwt.sign({ sub: claims.sub }, refreshKey, { expiresIn: '7d' });
  res.json({ token: accessToken(claims.sub), refreshToken });
});

// Safe: the stored refresh token is replaced on the user record.
router.post('/token/refresh', async (req, res) => {
  const claims = jwt.verify(req.body.refreshToken, refreshKey, verifyOptions);
  const user = await User.findById(claims.sub);
  user.refreshToken = jwt.sign({ sub: user.id }, refreshKey, { expiresIn: '7d' });
  await user.save();
  res.json({ token: accessToken(user.id), refreshToken: user.refreshToken });
});

// Safe: the new refresh token takes the old one's key in Redis.
router.post('/refresh-cache', async (req, res) => {
  const claims = jwt.verify(req.body.refreshToken, refreshKey, verifyOptions);
  const next = jwt.sign({ sub: claims.sub }, refreshKey, { expiresIn: '7d' });
  await redis.set(`refresh:${claims.sub}`, next);
  res.json({ token: accessToken(claims.sub), refreshToken: next });
});

// Not a token issue: a status route signs nothing.
router.get('/refresh/status', (req, res) => res.json({ ok: true }));

module.exports = router;
