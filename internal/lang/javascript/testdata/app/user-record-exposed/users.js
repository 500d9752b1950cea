const express = require('express');
const { User, Order } = require('./models');

const router = express.Router();

router.get('/me', async (req, res) => {
  const user = await User.findByPk(req.user.id);
  res.json(user); // want: js.user-record-exposed
});

router.get('/me/public', async (req, res) => {
  const user = await User.findByPk(req.user.id, { attributes: ['id', 'email', 'name'] });
  res.json(user);
});

router.get('/me/wrapped', async (req, res) => {
  const account = await User.findOne({ where: { id: req.user.id } });
  res.json({ account }); // want: js.user-record-exposed
});

router.get('/orders/:id', async (req, res) => {
  const order = await Order.findByPk(req.params.id);
  res.json(order);
});

module.exports = router;
