const express = require('express');
const { exec, spawn } = require('child_process');

const app = express();

function run(cmd) {
  return new Promise((resolve) => exec(cmd, (err, out) => resolve(out))); // want: js.command-injection
}

app.get('/tail', async (req, res) => {
  res.send(await run('tail -n ' + req.query.lines + ' /var/log/app.log'));
});

app.get('/tail/safe', async (req, res) => {
  res.send(await run('tail -n ' + parseInt(req.query.lines, 10) + ' /var/log/app.log'));
});

app.get('/grep', (req, res) => {
  spawn('grep', [req.query.pattern, 'app.log'], { shell: true }); // want: js.command-injection
  spawn('grep', [req.query.pattern, 'app.log']);
  res.end();
});

module.exports = app;
