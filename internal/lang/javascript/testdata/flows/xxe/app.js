const express = require('express');
const libxmljs = require('libxmljs');

const app = express();

app.post('/import', (req, res) => {
  const doc = libxmljs.parseXml(req.body.xml, { noent: true }); // want: js.xxe
  res.json({ root: doc.root().name() });
});

app.post('/import/safe', (req, res) => {
  const doc = libxmljs.parseXml(req.body.xml, { noent: false, nonet: true });
  res.json({ root: doc.root().name() });
});
