const express = require('express');
const { Pool } = require('pg');
const knex = require('knex')({ client: 'pg' });

const pool = new Pool();
const router = express.Router();
const TABLE = 'orders';
const SORTABLE = { date: 'created_at', total: 'total_cents' };

router.get('/orders/:id', async (req, res) => {
  const r = await pool.query(`SELECT * FROM orders WHERE id = ${req.params.id}`); // want: js.sql-injection
  res.json(r.rows);
});

router.get('/orders/:id/safe', async (req, res) => {
  const r = await pool.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);
  res.json(r.rows);
});

router.get('/search', async (req, res) => {
  const term = req.query.q;
  const sql = "SELECT * FROM products WHERE name LIKE '%" + term + "%'";
  const r = await pool.query(sql); // want: js.sql-injection
  res.json(r.rows);
});

router.get('/search/safe', async (req, res) => {
  const sql = 'SELECT * FROM products WHERE name LIKE $1';
  const r = await pool.query(sql, [`%${req.query.q}%`]);
  res.json(r.rows);
});

router.get('/filter', async (req, res) => {
  let sql = 'SELECT * FROM orders WHERE 1 = 1';
  if (req.query.status) sql += " AND status = '" + req.query.status + "'";
  const r = await pool.query(sql); // want: js.sql-injection
  res.json(r.rows);
});

router.get('/page', async (req, res) => {
  const limit = Math.min(parseInt(req.query.limit, 10) || 20, 100);
  const column = SORTABLE[req.query.sort] || 'created_at';
  const r = await pool.query(`SELECT * FROM ${TABLE} ORDER BY ${column} LIMIT ${limit}`);
  res.json(r.rows);
});

router.post('/bulk', async (req, res) => {
  const ids = req.body.ids;
  const placeholders = ids.map((_, i) => `$${i + 1}`).join(', ');
  const r = await pool.query(`SELECT * FROM orders WHERE id IN (${placeholders})`, ids);
  res.json(r.rows);
});

router.get('/raw', async (req, res) => {
  const rows = await knex('orders').whereRaw(`status = '${req.query.status}'`); // want: js.sql-injection
  const safe = await knex('orders').whereRaw('status = ?', [req.query.status]);
  res.json({ rows, safe });
});

async function findUser(db, email) {
  return db.query("SELECT * FROM users WHERE email = '" + email + "'"); // want: js.sql-injection
}

async function findUserSafe(db, email) {
  return db.query({ text: 'SELECT * FROM users WHERE email = $1', values: [email] });
}

async function prismaSearch(prisma, name) {
  await prisma.$queryRaw`SELECT * FROM users WHERE name = ${name}`;
  return prisma.$queryRawUnsafe('SELECT * FROM users WHERE name = ' + name); // want: js.sql-injection
}

function cacheGet(cache, key) {
  return cache.get('user:' + key);
}

module.exports = { router, findUser, findUserSafe, prismaSearch, cacheGet };
