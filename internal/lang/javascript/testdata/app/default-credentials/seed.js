const bcrypt = require('bcrypt');
const { User } = require('./models');

async function seed() {
  await User.create({ email: 'admin@example.com', password: 'admin', role: 'admin' }); // want: js.default-credentials
  await User.create({
    email: 'ops@example.com',
    passwordHash: await bcrypt.hash(process.env.OPS_INITIAL_PASSWORD, 12),
  });
}

function legacyLogin(username, password) {
  if (username === 'admin' && password === 'changeme') { // want: js.default-credentials
    return { role: 'admin' };
  }
  return username === 'guest' && password.length > 0 ? { role: 'guest' } : null;
}

module.exports = { seed, legacyLogin };
