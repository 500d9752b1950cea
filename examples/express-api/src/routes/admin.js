const express = require('express');
const { exec, execFile } = require('child_process');
const { requireAuth } = require('../auth');

const router = express.Router();

// Network diagnostics for the support team.
router.post('/admin/diagnostics/ping', requireAuth, (req, res) => {
  exec(`ping -c 3 ${req.body.host}`, (err, stdout) => {
    res.type('text/plain').send(err ? err.message : stdout);
  });
});

// The traceroute endpoint is the safe twin: no shell, and a strict host pattern.
router.post('/admin/diagnostics/trace', requireAuth, (req, res) => {
  const host = String(req.body.host || '');
  if (!/^[a-z0-9.-]{1,253}$/i.test(host)) return res.status(400).end();
  execFile('traceroute', ['-m', '10', host], (err, stdout) => {
    res.type('text/plain').send(err ? err.message : stdout);
  });
});

module.exports = router;
