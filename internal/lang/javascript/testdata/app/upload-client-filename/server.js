const express = require('express');
const helmet = require('helmet');
const multer = require('multer');
const path = require('path');
const media = require('./media');

const app = express();
app.use(helmet());
app.use('/media', media);

const imagesOnly = (req, file, cb) => cb(null, file.mimetype.startsWith('image/'));

// The client's name with a timestamp in front still climbs out with ../../.
const stamped = multer.diskStorage({
  destination: 'uploads/',
  filename: (req, file, cb) =>
    cb(null, Date.now() + '-' + file.originalname), // want: js.upload-client-filename
});

const based = multer.diskStorage({
  destination: 'uploads/',
  filename: (req, file, cb) => cb(null, Date.now() + '-' + path.basename(file.originalname)),
});

const upload = multer({ storage: stamped, limits: { fileSize: 1e6 }, fileFilter: imagesOnly });
const safe = multer({ storage: based, limits: { fileSize: 1e6 }, fileFilter: imagesOnly });

app.post('/avatar', upload.single('avatar'), (req, res) => res.sendStatus(201));
app.post('/avatar/safe', safe.single('avatar'), (req, res) => res.sendStatus(201));

module.exports = app;
