const jwt = require('jsonwebtoken');
const bcrypt = require('bcrypt');
const { pool } = require('./db');
const config = require('./config');

async function login(req, res) {
  const { email, password } = req.body;
  const { rows } = await pool.query('SELECT id, password_hash, role FROM users WHERE email = $1', [email]);
  const user = rows[0];
  if (!user || !(await bcrypt.compare(password, user.password_hash))) {
    return res.status(401).json({ error: 'invalid credentials' });
  }
  const token = jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET, {
    algorithm: 'HS256',
    expiresIn: config.tokenTtl,
    issuer: config.jwtIssuer,
  });
  res.json({ token });
}

// requireAuth pins the algorithm the API issues tokens with.
function requireAuth(req, res, next) {
  const header = req.get('Authorization') || '';
  try {
    req.user = jwt.verify(header.replace(/^Bearer /, ''), process.env.JWT_SECRET, {
      algorithms: ['HS256'],
      issuer: config.jwtIssuer,
    });
    next();
  } catch (err) {
    res.status(401).json({ error: 'invalid token' });
  }
}

// optionalAuth was added for the public catalogue and forgot the algorithms option.
function optionalAuth(req, res, next) {
  const token = req.cookies && req.cookies.token;
  if (token) {
    try {
      req.user = jwt.verify(token, process.env.JWT_SECRET);
    } catch (err) {
      req.user = undefined;
    }
  }
  next();
}

module.exports = { login, requireAuth, optionalAuth };
