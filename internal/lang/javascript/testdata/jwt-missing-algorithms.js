const jwt = require('jsonwebtoken');

function decodeUnsafe(token, key) {
  return jwt.verify(token, key); // want: js.jwt-missing-algorithms
}

function decodeSafe(token, key) {
  return jwt.verify(token, key, { algorithms: ['RS256'] });
}

function decodeCallback(token, key, done) {
  jwt.verify(token, key, (err, claims) => done(err, claims)); // want: js.jwt-missing-algorithms
}

function decodeNone(token, key) {
  return jwt.verify(token, key, { algorithms: ['HS256', 'none'] }); // want: js.jwt-missing-algorithms
}

const verifyOptions = { algorithms: ['HS256'], issuer: 'api' };
const looseOptions = { issuer: 'api' };

function decodeWithOptions(token, key) {
  jwt.verify(token, key, looseOptions); // want: js.jwt-missing-algorithms
  return jwt.verify(token, key, verifyOptions);
}

function decodeWithUnknownOptions(token, key, options) {
  return jwt.verify(token, key, options);
}

function notJWT(verifier, token) {
  return verifier.verify(token);
}

module.exports = { decodeUnsafe, decodeSafe, decodeCallback, decodeNone, decodeWithOptions,
  decodeWithUnknownOptions, notJWT };
