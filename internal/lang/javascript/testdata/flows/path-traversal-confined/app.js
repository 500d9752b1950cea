const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const ROOT = path.resolve('reports');

app.get('/reports/:name', (req, res) => {
  const full = path.resolve(ROOT, req.params.name);
  if (!full.startsWith(ROOT + path.sep)) {
    return res.status(400).end();
  }
  res.send(fs.readFileSync(full));
});

app.get('/reports-unnormalised/:name', (req, res) => {
  const full = ROOT + '/' + req.params.name;
  if (!full.startsWith(ROOT)) {
    return res.status(400).end();
  }
  res.send(fs.readFileSync(full)); // want: js.path-traversal
});
