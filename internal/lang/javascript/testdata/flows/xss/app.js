const express = require('express');
const escapeHtml = require('escape-html');

const app = express();

function greeting(name) {
  return '<h1>Hello ' + name + '</h1>';
}

app.get('/hello', (req, res) => {
  res.send(greeting(req.query.name)); // want: js.xss
});

app.get('/hello/safe', (req, res) => {
  res.send(greeting(escapeHtml(req.query.name)));
});

app.get('/hello/text', (req, res) => {
  res.type('text/plain').send(greeting(req.query.name));
});

app.get('/hello/json', (req, res) => {
  res.json({ greeting: greeting(req.query.name) });
});

app.get('/echo', (req, res) => {
  res.status(200).write(req.body.message); // want: js.xss
  res.end();
});
