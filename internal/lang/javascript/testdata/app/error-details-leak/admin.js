const express = require('express');
const helmet = require('helmet');

// The admin app is the safe twin of server.js: its error handler logs the details and
// answers with a generic message.
const admin = express();
admin.use(helmet());

admin.get('/stats', async (req, res, next) => {
  try {
    res.json(await loadStats());
  } catch (err) {
    next(err);
  }
});

admin.use(function errorHandler(err, req, res, next) {
  console.error(err);
  res.status(500).json({ error: 'Internal server error' });
});

module.exports = admin;
