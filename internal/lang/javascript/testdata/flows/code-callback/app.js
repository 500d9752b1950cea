const express = require('express');

const app = express();

function readScript(req) {
  return Promise.resolve(req.body.script);
}

app.post('/run', (req, res) => {
  readScript(req).then((script) => res.json(eval(script))); // want: js.code-injection
});

app.post('/run/safe', (req, res) => {
  readScript(req).then((script) => res.json(JSON.parse(script)));
});

module.exports = app;
