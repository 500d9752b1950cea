const jwt = require('jsonwebtoken');

// requireAuth verifies the bearer token and refuses the request without one.
function requireAuth(req, res, next) {
  try {
    req.user = jwt.verify(req.get('Authorization'), process.env.KEY, { algorithms: ['HS256'] });
    next();
  } catch (err) {
    res.status(401).end();
  }
}

// requireAdmin checks the role: an authorization check whatever its name says.
function requireAdmin(req, res, next) {
  if (req.user.role !== 'admin') {
    return res.sendStatus(403);
  }
  next();
}

module.exports = { requireAuth, requireAdmin };
