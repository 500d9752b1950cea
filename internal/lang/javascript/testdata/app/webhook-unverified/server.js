const express = require('express');
const helmet = require('helmet');
const stripe = require('stripe')(process.env.STRIPE_KEY);
const hooks = require('./hooks');

const app = express();
app.use(helmet());
app.use('/webhooks', hooks);

const raw = express.raw({ type: 'application/json' });

// Stripe events: the first parses whatever arrives, its twin checks the signature.
app.post('/stripe/events', raw, (req, res) => { // want: js.webhook-unverified
  fulfil(JSON.parse(req.body));
  res.sendStatus(200);
});

app.post('/stripe/verified', raw, (req, res) => {
  const sig = req.get('stripe-signature');
  fulfil(stripe.webhooks.constructEvent(req.body, sig, process.env.STRIPE_WEBHOOK_SECRET));
  res.sendStatus(200);
});

// Not webhooks: an ordinary POST, and an OAuth callback, which is a GET.
app.post('/api/orders', express.json(), (req, res) => res.status(201).json(req.body));
app.get('/auth/github/callback', (req, res) => res.redirect('/'));

module.exports = app;
