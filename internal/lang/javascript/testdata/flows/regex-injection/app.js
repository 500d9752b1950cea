const express = require('express');
const escapeRegExp = require('lodash/escapeRegExp');

const app = express();
const products = ['apple', 'banana'];

function matching(term) {
  const re = new RegExp(term, 'i'); // want: js.regex-injection
  return products.filter((p) => re.test(p));
}

app.get('/search', (req, res) => {
  res.json(matching(req.query.q));
});

app.get('/search/safe', (req, res) => {
  res.json(matching(escapeRegExp(req.query.q)));
});
