const crypto = require('crypto');
const express = require('express');
const multer = require('multer');
const path = require('path');

// A router mounted by server.js at /media.
const router = express.Router();

const kept = multer.diskStorage({
  destination: 'media/',
  filename(req, file, callback) {
    const name = file.originalname;
    callback(null, name); // want: js.upload-client-filename
  },
});

const generated = multer.diskStorage({
  destination: 'media/',
  filename(req, file, callback) {
    const name = crypto.randomUUID() + path.extname(file.originalname);
    callback(null, name);
  },
});

const lowered = multer.diskStorage({
  destination: 'media/',
  filename: (req, file, cb) =>
    cb(null, file.originalname.toLowerCase()), // want: js.upload-client-filename
});

const cleaned = multer.diskStorage({
  destination: 'media/',
  filename: (req, file, cb) => cb(null, file.originalname.replace(/[^a-z0-9.]/gi, '_')),
});

function storedName(req, { originalname }, cb) {
  cb(null, `${Date.now()}_${originalname}`); // want: js.upload-client-filename
}

function generatedName(req, { originalname }, cb) {
  cb(null, `${Date.now()}${path.extname(originalname)}`);
}

const named = multer.diskStorage({ destination: 'media/', filename: storedName });
const renamed = multer.diskStorage({ destination: 'media/', filename: generatedName });

const limits = { fileSize: 1e7 };
const fileFilter = (req, file, cb) => cb(null, file.mimetype === 'video/mp4');
const clips = [kept, generated, lowered, cleaned, named, renamed].map(
  (storage) => multer({ storage, limits, fileFilter }));
router.post('/clip', clips[0].single('clip'), (req, res) => res.sendStatus(201));

module.exports = router;
