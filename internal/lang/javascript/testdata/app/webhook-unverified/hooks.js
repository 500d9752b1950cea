const crypto = require('crypto');
const express = require('express');
const twilio = require('twilio');

// A router mounted by server.js at /webhooks: its paths name no provider, the mount does.
const router = express.Router();
router.use(express.json());

router.post('/build', (req, res) => { // want: js.webhook-unverified
  deploy(req.body.ref);
  res.sendStatus(202);
});

function verifyGithubSignature(req, res, next) {
  const mine = crypto.createHmac('sha256', process.env.GH_SECRET).update(req.rawBody).digest();
  const theirs = Buffer.from(req.get('x-hub-signature-256').slice(7), 'hex');
  if (mine.length !== theirs.length || !crypto.timingSafeEqual(mine, theirs)) {
    return res.sendStatus(401);
  }
  next();
}

router.post('/deploy', verifyGithubSignature, (req, res) => {
  deploy(req.body.ref);
  res.sendStatus(202);
});

// Twilio: validateRequest checks the X-Twilio-Signature header.
const form = express.urlencoded({ extended: false });

router.post('/sms', form, (req, res) => { // want: js.webhook-unverified
  reply(req.body.From, req.body.Body);
  res.type('text/xml').send('<Response/>');
});

router.post('/sms/checked', form, (req, res) => {
  const url = 'https://example.com/webhooks/sms/checked';
  if (!twilio.validateRequest(process.env.TWILIO_TOKEN, req.get('x-twilio-signature'), url,
    req.body)) {
    return res.sendStatus(403);
  }
  reply(req.body.From, req.body.Body);
  res.type('text/xml').send('<Response/>');
});

// Slack: a helper of the module does the check, which the handler calls.
function fromSlack(req) {
  const base = `v0:${req.get('x-slack-request-timestamp')}:${req.rawBody}`;
  const mine = 'v0=' + crypto.createHmac('sha256', process.env.SLACK_SECRET).update(base)
    .digest('hex');
  return crypto.timingSafeEqual(Buffer.from(mine), Buffer.from(req.get('x-slack-signature')));
}

router.post('/slack', (req, res) => { // want: js.webhook-unverified
  post(req.body.event);
  res.sendStatus(200);
});

router.post('/slack/checked', (req, res) => {
  if (!fromSlack(req)) return res.sendStatus(401);
  post(req.body.event);
  res.sendStatus(200);
});

// GitLab sends a shared token instead of a signature: comparing it is a check, if a
// timing-unsafe one.
router.post('/gitlab', (req, res) => {
  if (req.get('x-gitlab-token') !== process.env.GITLAB_TOKEN) { // want: js.timing-unsafe-compare
    return res.sendStatus(401);
  }
  deploy(req.body.ref);
  res.sendStatus(202);
});

module.exports = router;
