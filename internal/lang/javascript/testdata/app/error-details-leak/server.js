const express = require('express');
const helmet = require('helmet');
const orders = require('./orders');

const app = express();
app.use(helmet());
app.use('/api/orders', orders);

// A catch block that answers with the message, and its twin that logs it instead.
app.get('/health', async (req, res) => {
  try {
    await ping();
    res.json({ ok: true });
  } catch (err) {
    res.status(500).send(err.message); // want: js.error-details-leak
  }
});

app.get('/ready', async (req, res) => {
  try {
    await ping();
    res.json({ ok: true });
  } catch (err) {
    console.error(err);
    res.status(500).send('Service unavailable');
  }
});

// A node-style callback's error is the same leak; its data is not.
app.get('/report', (req, res) => {
  fs.readFile('report.txt', 'utf8', (err, data) => {
    if (err) return res.status(500).json({ error: err.message }); // want: js.error-details-leak
    res.type('text/plain').send(data);
  });
});

app.get('/summary', (req, res) => {
  fs.readFile('summary.txt', 'utf8', (err, data) => {
    if (err) return res.status(500).json({ error: 'Summary unavailable', code: err.code });
    res.type('text/plain').send(data);
  });
});

// The application's error handler hands out the stack.
app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Failed', stack: err.stack }); // want: js.error-details-leak
});

module.exports = app;
