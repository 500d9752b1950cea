const express = require('express');
const rateLimit = require('express-rate-limit');

const router = express.Router();
const quiet = rateLimit({
  limit: 5,
  standardHeaders: false, // want: js.rate-limit-headers-off
});
const informative = rateLimit({ limit: 5, standardHeaders: true });

router.post('/login', quiet, (req, res) => res.end());
router.post('/otp', informative, (req, res) => res.end());

module.exports = router;
