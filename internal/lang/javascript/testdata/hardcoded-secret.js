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

// Literals written under a credential's name.
const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');

const DB_PASSWORD = 'hunter2-Prod!'; // want: js.hardcoded-secret
const PASSWORD_FIELD = 'password';
const ACCESS_TOKEN = 'access_token';
const API_KEY_HEADER = 'x-api-key';
const adminPassword = 'changeme123';
const githubToken = process.env.GITHUB_TOKEN;
const mailgunApiKey = process.env.MAILGUN_KEY || 'k3y-dev-9f8e7d6c'; // want: js.hardcoded-secret
const publicKey = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE';
const integrations = {
  stripeSecret: 'rk_9fJ2kLq8ZpX3vW7b', // want: js.hardcoded-secret
  tokenUrl: 'https://auth.internal/token',
  slackToken: '',
  apiKey: process.env.PARTNER_API_KEY,
};
class PartnerClient {
  apiKey = 'AKc9v8Z2x7Q1w0E3'; // want: js.hardcoded-secret
}
integrations.smtpPassword = 'S3nd-M4il-2024'; // want: js.hardcoded-secret
integrations.smtpPasswordHint = 'S3nd-M4il-2024';

async function databasePassword() {
  const client = new SecretsManagerClient({});
  const out = await client.send(new GetSecretValueCommand({ SecretId: 'prod/db' }));
  return out.SecretString;
}

module.exports.named = {
  DB_PASSWORD, PASSWORD_FIELD, ACCESS_TOKEN, API_KEY_HEADER, adminPassword, githubToken,
  mailgunApiKey, publicKey, integrations, PartnerClient, databasePassword,
};
