const { Router } = require('express');

const router = Router();
router.get('/users/:id', (req, res) => res.json({ id: req.params.id }));

module.exports = router;
