const express = require('express');
const formidable = require('formidable');
const helmet = require('helmet');
const files = require('./files');

const app = express();
app.use(helmet());
app.use('/api/files', files);

app.post('/import', (req, res) => {
  const form = formidable({ multiples: true }); // want: js.upload-without-limits
  form.parse(req, (err, fields, uploaded) => res.json({ count: uploaded.length }));
});

app.post('/import/small', (req, res) => {
  const form = formidable({ multiples: true, maxFileSize: 5 * 1024 * 1024 });
  form.parse(req, (err, fields, uploaded) => res.json({ count: uploaded.length }));
});

app.post('/import/legacy', (req, res) => {
  const form = new formidable.IncomingForm();
  form.maxFileSize = 2 * 1024 * 1024;
  form.parse(req, (err, fields, uploaded) => res.json({ count: uploaded.length }));
});

module.exports = app;
