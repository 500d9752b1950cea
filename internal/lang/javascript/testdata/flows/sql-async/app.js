const express = require('express');
const { pool } = require('./db');

const app = express();

async function orderId(req) {
  return req.params.id;
}

app.get('/orders/:id', async (req, res) => {
  const id = await orderId(req);
  const { rows } = await pool.query(`SELECT * FROM orders WHERE id = ${id}`); // want: js.sql-injection
  res.json(rows);
});

app.get('/orders/:id/safe', async (req, res) => {
  const id = Number(await orderId(req));
  const { rows } = await pool.query(`SELECT * FROM orders WHERE id = ${id}`);
  res.json(rows);
});

module.exports = app;
