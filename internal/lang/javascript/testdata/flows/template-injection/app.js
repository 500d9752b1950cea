const express = require('express');
const ejs = require('ejs');

const app = express();

app.get('/preview', (req, res) => {
  res.send(ejs.render(req.query.template, { user: req.user })); // want: js.template-injection
});

app.get('/preview/safe', (req, res) => {
  res.send(ejs.render('<p>Hello <%= name %></p>', { name: req.query.name }));
});
