const jwt = require('jsonwebtoken');

const keys = { main: process.env.JWT_PUBLIC_KEY };

function bearer(req) {
  return (req.get('authorization') || '').replace(/^Bearer /, '');
}

// Vulnerable: the claims are trusted without checking the signature.
function trustToken(req, res, next) {
  req.user = jwt.decode(bearer(req)); // want: js.jwt-decode-without-verify
  next();
}

// Safe twin: decode reads the key id, then verify checks the token with that key.
function checkToken(req, res, next) {
  const { header } = jwt.decode(bearer(req), { complete: true });
  req.user = jwt.verify(bearer(req), keys[header.kid], { algorithms: ['RS256'] });
  next();
}

// Not a handler or middleware: decoding to label a log line trusts nothing.
function tokenSubject(token) {
  return jwt.decode(token).sub;
}

module.exports = { trustToken, checkToken, tokenSubject };
