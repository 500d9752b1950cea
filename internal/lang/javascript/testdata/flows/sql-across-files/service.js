const repo = require('./repo');

function normalise(email) {
  return email.trim().toLowerCase();
}

async function findByEmail(email) {
  const clean = normalise(email);
  return repo.byEmail(clean);
}

async function findByEmailSafe(email) {
  return repo.byEmailSafe(normalise(email));
}

module.exports = { findByEmail, findByEmailSafe };
