const express = require('express');
const path = require('path');
const serveStatic = require('serve-static');

// A router mounted by server.js at /assets; this file is in routes/.
const router = express.Router();

router.use(serveStatic('./')); // want: js.static-exposure
router.use(serveStatic('./public'));

router.use('/src', express.static(__dirname)); // want: js.static-exposure
router.use('/img', express.static(`${__dirname}/../public/img`));

const ROOT = path.join(__dirname, '..');
router.use('/all', serveStatic(ROOT)); // want: js.static-exposure
router.use('/css', serveStatic(path.join(ROOT, 'public', 'css')));

router.get('/manifest', (req, res) => res.json({ version: 1 }));

module.exports = router;
