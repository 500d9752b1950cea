const crypto = require('crypto');
const express = require('express');

// A router mounted by server.js at /hooks.
const router = express.Router();

router.post('/github', (req, res) => {
  const hmac = crypto.createHmac('sha256', process.env.GH_SECRET);
  hmac.update(JSON.stringify(req.body));
  const expected = 'sha256=' + hmac.digest('hex');
  if (req.get('x-hub-signature-256') !== expected) { // want: js.timing-unsafe-compare
    return res.sendStatus(401);
  }
  res.sendStatus(202);
});

router.post('/github/safe', (req, res) => {
  const hmac = crypto.createHmac('sha256', process.env.GH_SECRET);
  hmac.update(JSON.stringify(req.body));
  const expected = Buffer.from('sha256=' + hmac.digest('hex'));
  const given = Buffer.from(req.get('x-hub-signature-256') || '');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return res.sendStatus(401);
  }
  res.sendStatus(202);
});

// The API key of a partner, read from the body.
router.post('/partner', (req, res) => {
  const { apiKey } = req.body;
  const valid = apiKey == process.env.PARTNER_KEY; // want: js.timing-unsafe-compare
  res.sendStatus(valid ? 202 : 401);
});

router.post('/partner/safe', (req, res) => {
  const { apiKey } = req.body;
  const valid = crypto.timingSafeEqual(Buffer.from(apiKey), Buffer.from(process.env.PARTNER_KEY));
  res.sendStatus(valid ? 202 : 401);
});

// A Slack signature header against a digest held in a variable.
router.post('/slack', (req, res) => {
  const signature = req.headers['x-slack-signature'];
  const base = `v0:${req.headers['x-slack-request-timestamp']}:${req.rawBody}`;
  const mine = 'v0=' + crypto.createHmac('sha256', process.env.SLACK_SECRET).update(base)
    .digest('hex');
  if (signature !== mine) return res.sendStatus(401); // want: js.timing-unsafe-compare
  res.sendStatus(200);
});

router.post('/slack/safe', (req, res) => {
  const signature = Buffer.from(req.headers['x-slack-signature'] || '');
  const base = `v0:${req.headers['x-slack-request-timestamp']}:${req.rawBody}`;
  const mine = Buffer.from('v0=' + crypto.createHmac('sha256', process.env.SLACK_SECRET)
    .update(base).digest('hex'));
  if (signature.length !== mine.length) return res.sendStatus(401);
  if (!crypto.timingSafeEqual(signature, mine)) return res.sendStatus(401);
  res.sendStatus(200);
});

module.exports = router;
