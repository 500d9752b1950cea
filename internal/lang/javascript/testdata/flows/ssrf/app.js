const express = require('express');
const axios = require('axios');

const app = express();
const PARTNERS = { acme: 'https://api.acme.example', globex: 'https://globex.example' };

async function fetchPreview(url) {
  const { data } = await axios.get(url); // want: js.ssrf
  return data;
}

app.get('/preview', async (req, res) => {
  res.json(await fetchPreview(req.query.url));
});

app.get('/partners/:name', async (req, res) => {
  const base = PARTNERS[req.params.name];
  if (!base) return res.status(404).end();
  const resp = await fetch(`${base}/status`);
  res.json(await resp.json());
});

app.post('/webhook-test', async (req, res) => {
  await fetch(req.body.callback, { method: 'POST' }); // want: js.ssrf
  res.status(204).end();
});

module.exports = app;
