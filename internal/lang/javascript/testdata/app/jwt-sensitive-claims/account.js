const { Router } = require('express');
const jwt = require('jsonwebtoken');
const store = require('./store');

const router = Router();
const key = process.env.JWT_SECRET;

// Vulnerable: the hash and the SSN travel in a token anyone holding it can read.
router.post('/token', async (req, res) => {
  const user = await store.findUser(req.body.email);
  const token = jwt.sign(
    {
      sub: user.id,
      passwordHash: user.passwordHash, // want: js.jwt-sensitive-claims
      profile: { name: user.name, ssn: user.ssn }, // want: js.jwt-sensitive-claims
    },
    key,
    { expiresIn: '1h' },
  );
  res.json({ token });
});

// Safe twin: only the id and the display name; at_hash is OpenID Connect's hash of the
// access token, not a secret, and hashtag is not the word hash.
router.post('/token-lean', async (req, res) => {
  const user = await store.findUser(req.body.email);
  const token = jwt.sign(
    {
      sub: user.id,
      at_hash: user.accessTokenHash,
      profile: { name: user.name, hashtag: user.hashtag },
    },
    key,
    { expiresIn: '1h' },
  );
  res.json({ token });
});

// Vulnerable: a payload built in a variable first.
router.post('/card-token', async (req, res) => {
  const card = await store.findCard(req.body.cardId);
  const claims = { sub: card.owner, cardNumber: card.number }; // want: js.jwt-sensitive-claims
  res.json({ token: jwt.sign(claims, key, { expiresIn: '5m' }) });
});

// Safe twin: the card is named by its id.
router.post('/card-token-lean', async (req, res) => {
  const card = await store.findCard(req.body.cardId);
  const claims = { sub: card.owner, cardId: card.id };
  res.json({ token: jwt.sign(claims, key, { expiresIn: '5m' }) });
});

module.exports = router;
