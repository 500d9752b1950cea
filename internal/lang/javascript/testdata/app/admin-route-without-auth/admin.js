const { Router } = require('express');

const router = Router();

router.get('/users', (req, res) => res.json([])); // want: js.admin-route-without-auth
router.delete('/users/:id', (req, res) => res.end()); // want: js.admin-route-without-auth

module.exports = router;
