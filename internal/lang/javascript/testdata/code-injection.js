const vm = require('vm');
const express = require('express');

const app = express();

app.post('/calc', (req, res) => {
  res.json({ result: eval(req.body.expression) }); // want: js.code-injection
});

app.post('/calc/safe', (req, res) => {
  res.json({ result: JSON.parse(req.body.payload) });
});

app.post('/template', (req, res) => {
  const render = new Function('data', req.body.template); // want: js.code-injection
  res.send(render({}));
});

app.post('/sandbox', (req, res) => {
  const out = vm.runInNewContext(req.body.code, {}); // want: js.code-injection
  res.json(out);
});

function later(name) {
  setTimeout('notify("' + name + '")', 1000); // want: js.code-injection
  setTimeout(() => notify(name), 1000);
}

const add = new Function('a', 'b', 'return a + b');
const two = eval('1 + 1');
const script = new vm.Script('globalThis.ready = true');

module.exports = { app, later, add, two, script };
