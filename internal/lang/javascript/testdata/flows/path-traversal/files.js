const fs = require('fs');
const path = require('path');

const UPLOADS = path.resolve(__dirname, 'uploads');

function uploadPath(name) {
  return path.join(UPLOADS, name);
}

async function readUpload(name) {
  return fs.promises.readFile(uploadPath(name)); // want: js.path-traversal
}

module.exports = { uploadPath, readUpload };
