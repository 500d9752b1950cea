const express = require('express');
const multer = require('multer');
const fileUpload = require('express-fileupload');

// A router mounted by server.js at /api/files.
const router = express.Router();

function imagesOnly(req, file, cb) {
  cb(null, ['image/png', 'image/jpeg'].includes(file.mimetype));
}

const avatars = multer({ dest: 'avatars/' }); // want: js.upload-without-limits
const docs = multer({ dest: 'd/', limits: { fileSize: 1e7 } }); // want: js.upload-without-limits
const images = multer({ dest: 'img/', fileFilter: imagesOnly }); // want: js.upload-without-limits
const photos = multer({ dest: 'img/', limits: { fileSize: 5e6 }, fileFilter: imagesOnly });

const memory = multer(); // want: js.upload-without-limits
const LIMITS = { fileSize: 1048576 };
const fileFilter = imagesOnly;
const thumbnails = multer({ storage: multer.memoryStorage(), limits: LIMITS, fileFilter });

router.post('/avatar', avatars.single('avatar'), (req, res) => res.sendStatus(201));
router.post('/document', docs.single('doc'), (req, res) => res.sendStatus(201));
router.post('/image', images.single('image'), (req, res) => res.sendStatus(201));
router.post('/photo', photos.single('photo'), (req, res) => res.sendStatus(201));
router.post('/memo', memory.single('memo'), (req, res) => res.sendStatus(201));
router.post('/thumb', thumbnails.single('thumb'), (req, res) => res.sendStatus(201));

router.use('/bulk', fileUpload({ useTempFiles: true })); // want: js.upload-without-limits
router.use('/batch', fileUpload({ useTempFiles: true, limits: { fileSize: 50 * 1024 * 1024 } }));

module.exports = router;
