const express = require('express');
const { User } = require('./models');

const app = express();

app.post('/users', async (req, res) => {
  const user = await User.create(req.body); // want: js.mass-assignment
  res.status(201).json(user);
});

app.post('/users/safe', async (req, res) => {
  const { name, email } = req.body;
  const user = await User.create({ name, email, role: 'user' });
  res.status(201).json(user);
});

app.put('/users/:id', async (req, res) => {
  const user = await User.findByPk(req.params.id);
  Object.assign(user, { ...req.body, updatedAt: new Date() }); // want: js.mass-assignment
  await user.save();
  res.json(user);
});
