const express = require('express');
const { pool } = require('../db');
const { requireAuth } = require('../auth');

const router = express.Router();

// Sortable columns are an allowlist: the request picks a key, never the SQL text.
const SORT_COLUMNS = { date: 'created_at', total: 'total_cents', status: 'status' };

router.get('/orders', requireAuth, async (req, res) => {
  const column = SORT_COLUMNS[req.query.sort] || 'created_at';
  const limit = Math.min(parseInt(req.query.limit, 10) || 20, 100);
  const { rows } = await pool.query(
    `SELECT id, status, total_cents FROM orders WHERE user_id = $1 ORDER BY ${column} DESC LIMIT ${limit}`,
    [req.user.sub],
  );
  res.json(rows);
});

router.get('/orders/:id', requireAuth, async (req, res) => {
  const { rows } = await pool.query(
    `SELECT * FROM orders WHERE id = ${req.params.id} AND user_id = ${req.user.sub}`,
  );
  if (rows.length === 0) return res.status(404).end();
  res.json(rows[0]);
});

router.get('/orders/:id/items', requireAuth, async (req, res) => {
  const { rows } = await pool.query(
    'SELECT * FROM order_items WHERE order_id = $1 AND user_id = $2',
    [req.params.id, req.user.sub],
  );
  res.json(rows);
});

router.get('/search', requireAuth, async (req, res) => {
  const term = req.query.q;
  let sql = 'SELECT id, status FROM orders WHERE user_id = $1';
  if (term) {
    sql += " AND reference LIKE '%" + term + "%'";
  }
  const { rows } = await pool.query(sql, [req.user.sub]);
  res.json(rows);
});

module.exports = router;
