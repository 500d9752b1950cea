const express = require('express');
const _ = require('lodash');

const app = express();
const defaults = { theme: 'light', language: 'en' };

function withDefaults(prefs) {
  return _.merge({}, defaults, prefs); // want: js.prototype-pollution
}

app.post('/settings', (req, res) => {
  res.json(withDefaults(req.body));
});

app.post('/settings/safe', (req, res) => {
  res.json(withDefaults({ theme: String(req.body.theme), language: String(req.body.language) }));
});

app.post('/settings/path', (req, res) => {
  const settings = {};
  _.set(settings, req.body.path, req.body.value); // want: js.prototype-pollution
  _.set(settings, 'theme', req.body.value);
  res.json(settings);
});
