const crypto = require('crypto');

// createResetToken builds the token mailed in password reset links.
function createResetToken() {
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
}

// createApiKey is the safe twin: 32 bytes from the operating system's generator.
function createApiKey() {
  return 'ok_' + crypto.randomBytes(32).toString('hex');
}

// Jitter for retries does not need to be unpredictable.
function retryDelay(attempt) {
  return 2 ** attempt * 100 + Math.random() * 50;
}

module.exports = { createResetToken, createApiKey, retryDelay };
