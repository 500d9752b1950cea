const express = require('express');

process.env.NODE_ENV = 'development'; // want: js.development-mode-forced

const app = express();
app.set('env', 'development'); // want: js.development-mode-forced
app.set('trust proxy', 1);

const isDev = process.env.NODE_ENV === 'development';
if (isDev) {
  app.set('json spaces', 2);
}

module.exports = app;
