const jwt = require('jsonwebtoken');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const express = require('express');

const app = express();
const JWT_SECRET = 'sup3r-s3cret-signing-key';

app.use(session({ secret: 'keyboard cat', resave: false })); // want: js.hardcoded-secret
app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));
app.use(cookieParser('cookie-signing-secret')); // want: js.hardcoded-secret
app.use(cookieParser(process.env.COOKIE_SECRET));

function issue(user) {
  return jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: '1h' }); // want: js.hardcoded-secret
}

function issueSafe(user) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
}

function check(token) {
  const key = process.env.JWT_SECRET || 'dev-secret';
  return jwt.verify(token, key, { algorithms: ['HS256'] }); // want: js.hardcoded-secret
}

function checkSafe(token, keys) {
  return jwt.verify(token, keys.current, { algorithms: ['HS256'] });
}

module.exports = { app, issue, issueSafe, check, checkSafe };
