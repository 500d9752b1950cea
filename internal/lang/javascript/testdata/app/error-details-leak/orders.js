const { Router } = require('express');
const Order = require('./order-model');

// A router mounted by server.js at /api/orders.
const router = Router();

router.get('/:id', (req, res) => {
  Order.findById(req.params.id)
    .then((order) => res.json(order))
    .catch((e) => res.status(500).json({ error: String(e) })); // want: js.error-details-leak
});

router.post('/', (req, res) => {
  Order.create(req.body)
    .then((order) => res.status(201).json(order))
    .catch((e) => res.status(500).json({ error: 'Could not create the order', code: e.code }));
});

router.delete('/:id', async (req, res) => {
  try {
    await Order.destroy(req.params.id);
    res.sendStatus(204);
  } catch (error) {
    const { stack } = error;
    res.status(500).send(`<pre>${stack}</pre>`); // want: js.error-details-leak
  }
});

router.put('/:id', async (req, res) => {
  try {
    await Order.update(req.params.id, req.body);
    res.sendStatus(204);
  } catch (error) {
    const reason = error.name === 'ValidationError' ? 'Invalid order' : 'Update failed';
    res.status(400).send(reason);
  }
});

// A router's own error handler, registered after its routes, is in no route's chain.
router.use((err, req, res, next) => {
  res.status(500).send(err); // want: js.error-details-leak
});

module.exports = router;
