const sessions = require('./sessions');

async function logoutEverywhere(req, res) {
  await sessions.touch(req.user.id);
  res.json({ ok: true });
}

async function logoutDevices(req, res) {
  await sessions.deleteAllFor(req.user.id);
  res.json({ ok: true });
}

module.exports = { logoutEverywhere, logoutDevices };
