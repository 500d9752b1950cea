const express = require('express');
const bcrypt = require('bcrypt');
const { User } = require('./models');

const router = express.Router();

router.post('/', async (req, res) => {
  const user = await User.create({
    email: req.body.email,
    password: req.body.password, // want: js.plaintext-password
  });
  res.status(201).json({ id: user.id });
});

router.post('/hashed', async (req, res) => {
  const password = await bcrypt.hash(req.body.password, 12);
  const user = await User.create({ email: req.body.email, password });
  res.status(201).json({ id: user.id });
});

router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ where: { email } });
  if (!user || user.password !== password) { // want: js.plaintext-password
    return res.status(401).end();
  }
  res.json({ ok: true });
});

router.post('/login/hashed', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ where: { email } });
  if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
    return res.status(401).end();
  }
  res.json({ ok: true });
});

module.exports = router;
