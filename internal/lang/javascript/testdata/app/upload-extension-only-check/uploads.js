const multer = require('multer');
const path = require('path');

const limits = { fileSize: 5 * 1024 * 1024 };

const byName = multer({ // want: js.upload-extension-only-check
  limits,
  fileFilter: (req, file, cb) => cb(null, ['.png', '.jpg'].includes(path.extname(file.originalname))),
});

const byType = multer({
  limits,
  fileFilter: (req, file, cb) => cb(null, ['image/png', 'image/jpeg'].includes(file.mimetype)),
});

const byBoth = multer({
  limits,
  fileFilter: (req, file, cb) =>
    cb(null, file.mimetype === 'image/png' && path.extname(file.originalname) === '.png'),
});

module.exports = { byName, byType, byBoth };
