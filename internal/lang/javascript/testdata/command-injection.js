const { exec, execSync, execFile } = require('child_process');
const cp = require('node:child_process');
const util = require('util');
const express = require('express');

const run = util.promisify(exec);
const app = express();

app.get('/ping', (req, res) => {
  exec('ping -c 1 ' + req.query.host, (err, out) => res.send(out)); // want: js.command-injection
});

app.get('/ping/safe', (req, res) => {
  execFile('ping', ['-c', '1', req.query.host], (err, out) => res.send(out));
});

app.get('/archive', (req, res) => {
  const name = req.query.name;
  const out = cp.execSync(`tar czf /tmp/${name}.tgz ./data`); // want: js.command-injection
  res.send(out);
});

app.get('/uptime', async (req, res) => {
  const { stdout } = await run('uptime');
  res.send(stdout + execSync('whoami'));
});

async function convert(file) {
  await run(`convert ${file} out.png`); // want: js.command-injection
}

function exec2(q) {
  return q.exec('SELECT 1');
}

module.exports = { app, convert, exec2 };
