const express = require('express');
const multer = require('multer');
const path = require('path');

const router = express.Router();
const limits = { fileSize: 2 * 1024 * 1024 };
const publicUpload = multer({ dest: path.join(__dirname, 'public', 'avatars'), limits, fileFilter: onlyImages }); // want: js.upload-served-statically
const privateUpload = multer({ dest: path.join(__dirname, 'uploads'), limits, fileFilter: onlyImages });

function onlyImages(req, file, cb) {
  cb(null, ['image/png', 'image/jpeg'].includes(file.mimetype));
}

router.post('/', publicUpload.single('avatar'), (req, res) => res.status(201).end());
router.post('/private', privateUpload.single('avatar'), (req, res) => res.status(201).end());

module.exports = router;
