const express = require('express');
const path = require('path');
const { readUpload, uploadPath } = require('./files');

const router = express.Router();

router.get('/uploads/:name', async (req, res) => {
  res.send(await readUpload(req.params.name));
});

router.get('/uploads/:name/safe', async (req, res) => {
  res.send(await readUpload(path.basename(req.params.name)));
});

router.get('/download', (req, res) => {
  res.download(uploadPath(req.query.file)); // want: js.path-traversal
});

router.get('/download/safe', (req, res) => {
  res.sendFile(req.query.file, { root: 'uploads' });
});

module.exports = router;
