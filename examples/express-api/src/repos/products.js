const { pool } = require('../db');

// byCategory is the unsafe twin: the category is spliced into the SQL text.
async function byCategory(category) {
  const sql = "SELECT id, name, price_cents FROM products WHERE category = '" + category + "'";
  const { rows } = await pool.query(sql);
  return rows;
}

// byName passes the name as a parameter.
async function byName(name) {
  const { rows } = await pool.query('SELECT id, name, price_cents FROM products WHERE name = $1', [name]);
  return rows;
}

module.exports = { byCategory, byName };
