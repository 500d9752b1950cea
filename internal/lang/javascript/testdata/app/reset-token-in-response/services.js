module.exports = { mailer: {}, resets: {} };
