const express = require('express');
const { pool } = require('./db');

const app = express();
const COLUMNS = ['created_at', 'total'];

app.get('/orders', async (req, res) => {
  const column = req.query.sort;
  const { rows } = await pool.query(`SELECT * FROM orders ORDER BY ${column}`); // want: js.sql-injection
  res.json(rows);
});

app.get('/orders/safe', async (req, res) => {
  const column = req.query.sort;
  if (!COLUMNS.includes(column)) {
    return res.status(400).end();
  }
  const { rows } = await pool.query(`SELECT * FROM orders ORDER BY ${column}`);
  res.json(rows);
});

module.exports = app;
