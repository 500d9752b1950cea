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

const crypto = require('crypto');
const { Pool } = require('pg');
const mysql = require('mysql2/promise');

function sign(body) {
  return crypto.createHmac('sha256', 'webhook-signing-key-42').update(body).digest('hex'); // want: js.hardcoded-secret
}

function signSafe(body) {
  return crypto.createHmac('sha256', process.env.WEBHOOK_KEY).update(body).digest('hex');
}

const pool = new Pool({
  host: 'db.internal',
  password: 'Vq7rT2pLx9Zs', // want: js.hardcoded-secret
});
const poolSafe = new Pool({ host: 'db.internal', password: process.env.PGPASSWORD });
const conn = mysql.createPool({ user: 'app', password: 'n0t-a-real-pw' }); // want: js.hardcoded-secret
const connSafe = mysql.createPool({ user: 'app', password: process.env.MYSQL_PASSWORD });

module.exports.more = { sign, signSafe, pool, poolSafe, conn, connSafe };
