const express = require('express');
const cors = require('cors');
const helmet = require('helmet');
const rateLimit = require('express-rate-limit');
const session = require('express-session');

const app = express();
app.use(helmet());
app.use(rateLimit({ limit: 300 }));
app.use(cors({ origin: true, credentials: true })); // want: js.cors-permissive
app.use(cors({ // want: js.cors-permissive
  origin: (origin, callback) => callback(null, true), // reflects whatever asks
  credentials: true,
}));
app.use(cors({ origin: ['https://app.example.com'], credentials: true })); // positive: CORS is restricted to an allow-list
app.use(cors({
  origin: (origin, callback) => {
    if (['https://app.example.com'].includes(origin)) return callback(null, true);
    return callback(new Error('origin not allowed'), false);
  },
  credentials: true,
}));

// A wildcard matters only where users sign in: this app keeps sessions.
const portal = express();
portal.use(helmet());
portal.use(rateLimit({ limit: 300 }));
portal.use(session({ secret: process.env.SESSION_SECRET }));
portal.use(cors()); // want: js.cors-permissive

// A public, anonymous API may allow every origin.
const open = express();
open.use(helmet());
open.use(rateLimit({ limit: 300 }));
open.use(cors({ origin: '*' }));
open.get('/status', (req, res) => res.json({ ok: true }));

module.exports = { app, portal, open };
