const express = require('express');
const { Order } = require('./models');

const router = express.Router();

function requireUser(req, res, next) {
  if (!req.user) {
    return res.status(401).json({ error: 'sign in first' });
  }
  next();
}

router.use(requireUser);

router.get('/:id', async (req, res) => { // want: js.idor
  res.json(await Order.findByPk(req.params.id));
});

router.get('/:id/owned', async (req, res) => {
  const order = await Order.findOne({ where: { id: req.params.id, userId: req.user.id } });
  if (!order) return res.status(404).end();
  res.json(order);
});

router.delete('/:id', async (req, res) => { // want: js.idor
  await Order.destroy({ where: { id: req.params.id } });
  res.status(204).end();
});

router.delete('/:id/owned', async (req, res) => {
  const order = await Order.findByPk(req.params.id);
  if (order.userId !== req.user.id) return res.status(404).end();
  await order.destroy();
  res.status(204).end();
});

module.exports = router;
