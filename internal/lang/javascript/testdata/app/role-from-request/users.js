const express = require('express');
const { User } = require('./models');

const router = express.Router();

router.post('/register', async (req, res) => {
  const { email, role } = req.body;
  const user = await User.create({
    email,
    role, // want: js.role-from-request
  });
  res.status(201).json(user);
});

router.post('/register/safe', async (req, res) => {
  const { email } = req.body;
  res.status(201).json(await User.create({ email, role: 'user' }));
});

router.put('/me', async (req, res) => {
  const user = await User.findByPk(req.user.id);
  user.name = req.body.name;
  user.isAdmin = req.body.isAdmin; // want: js.role-from-request
  await user.save();
  res.json(user);
});

module.exports = router;
