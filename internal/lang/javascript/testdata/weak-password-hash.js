const crypto = require('crypto');
const md5 = require('md5');
const bcrypt = require('bcrypt');

function hashPassword(password) {
  return crypto.createHash('md5').update(password).digest('hex'); // want: js.weak-password-hash
}

async function hashPasswordSafe(password) {
  return bcrypt.hash(password, 12);
}

function register(body) {
  const passwordHash = crypto.createHash('sha1').update(body.salt + body.pass).digest('hex'); // want: js.weak-password-hash
  const legacy = md5(body.password); // want: js.weak-password-hash
  return { passwordHash, legacy };
}

function etag(content) {
  return crypto.createHash('md5').update(content).digest('hex');
}

function fingerprint(file) {
  return crypto.createHash('sha256').update(file).digest('base64');
}

function storePassword(user, pwd) {
  user.hash = crypto.createHash('sha256').update(pwd).digest('hex'); // want: js.weak-password-hash
}

module.exports = { hashPassword, hashPasswordSafe, register, etag, fingerprint, storePassword };

async function lowCost(password) {
  const quick = await bcrypt.hash(password, 8); // want: js.weak-password-hash
  const salt = await bcrypt.genSalt(12);
  const fine = await bcrypt.hash(password, 12);
  const few = crypto.pbkdf2Sync(password, salt, 1000, 64, 'sha512'); // want: js.weak-password-hash
  const many = crypto.pbkdf2Sync(password, salt, 600_000, 64, 'sha512');
  return { quick, fine, few, many };
}
