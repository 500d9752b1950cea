const { Router } = require('express');
const tokens = require('./tokens');
const controller = require('./controller');

const router = Router();

// Vulnerable: the router mounted under /auth says goodbye and keeps the session.
router.post('/logout', (req, res) => { // want: js.logout-without-invalidation
  res.json({ ok: true });
});

// Safe twins, each ending the session or the token in one way.
router.post('/sign-out', (req, res, next) => {
  req.logout((err) => (err ? next(err) : res.json({ ok: true })));
});
router.post('/signout', (req, res) => {
  res.clearCookie('token');
  res.json({ ok: true });
});
router.post('/logout-token', async (req, res) => {
  await tokens.revokeToken(req.get('authorization'));
  res.json({ ok: true });
});
router.post('/logout-cookie-session', (req, res) => {
  req.session = null;
  res.json({ ok: true });
});

// Safe: the handler hands the work to a helper of this file that destroys the session.
function endSession(req, res) {
  req.session.destroy(() => res.json({ ok: true }));
}
router.post('/logout-helper', (req, res) => endSession(req, res));

// Safe: the route's own middleware logs out before the handler answers.
function passportLogout(req, res, next) {
  req.logout(next);
}
router.post('/logout-then-home', passportLogout, (req, res) => res.redirect('/'));

// Vulnerable: a controller in another file that ends nothing either.
router.post('/logout-all', controller.logoutEverywhere); // want: js.logout-without-invalidation

// Safe twin: the controller's other action deletes the user's sessions.
router.post('/logout-devices', controller.logoutDevices);

module.exports = router;
