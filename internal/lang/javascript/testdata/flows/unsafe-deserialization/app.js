const express = require('express');
const serialize = require('node-serialize');

const app = express();

function restore(state) {
  return serialize.unserialize(state); // want: js.unsafe-deserialization
}

app.post('/restore', (req, res) => {
  res.json(restore(req.cookies.state));
});

app.post('/restore/safe', (req, res) => {
  res.json(JSON.parse(req.cookies.state));
});

const yaml = require('js-yaml');

app.post('/import', (req, res) => {
  res.json(yaml.load(req.body.doc, { schema: yaml.DEFAULT_FULL_SCHEMA })); // want: js.unsafe-deserialization
});

app.post('/import/safe', (req, res) => {
  res.json(yaml.load(req.body.doc));
});
