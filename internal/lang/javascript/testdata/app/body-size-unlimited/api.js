const express = require('express');
const bodyParser = require('body-parser');

// A router mounted by server.js at /api.
const router = express.Router();
router.use(bodyParser.json({ limit: 100 * 1024 * 1024 })); // want: js.body-size-unlimited
router.use(bodyParser.text({ limit: 1024 * 1024 }));

// Route-level parsers, with limits held in constants.
const IMPORT_LIMIT = '1GB';
const NOTE_LIMIT = '512kb';
const ok = (req, res) => res.sendStatus(202);

router.post('/bulk', bodyParser.raw({ limit: IMPORT_LIMIT }), ok); // want: js.body-size-unlimited
router.post('/notes', bodyParser.raw({ limit: NOTE_LIMIT }), ok);

const blobs = express.raw({ limit: Infinity }); // want: js.body-size-unlimited
const small = express.raw({ limit: 1e6 });
router.post('/blobs', blobs, ok);
router.post('/small', small, ok);

module.exports = router;
