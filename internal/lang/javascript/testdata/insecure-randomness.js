const crypto = require('crypto');

function createResetToken() {
  return Math.random().toString(36).slice(2); // want: js.insecure-randomness
}

function createResetTokenSafe() {
  return crypto.randomBytes(32).toString('hex');
}

function generateOtp() {
  let result = '';
  for (let i = 0; i < 6; i++) {
    result += Math.floor(Math.random() * 10); // want: js.insecure-randomness
  }
  return result;
}

const user = {
  apiKey: Math.random().toString(16), // want: js.insecure-randomness
  apiKeySafe: crypto.randomUUID(),
};

const orderId = 'ord_' + Math.random().toString(36).slice(2, 10); // want: js.insecure-randomness

function backoff(attempt) {
  const jitter = Math.random() * 100;
  return attempt * 1000 + jitter;
}

function pickColour(colours) {
  return colours[Math.floor(Math.random() * colours.length)];
}

module.exports = { createResetToken, createResetTokenSafe, generateOtp, user, orderId,
  backoff, pickColour };
