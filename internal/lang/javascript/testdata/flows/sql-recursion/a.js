const b = require('./b');
const { pool } = require('./db');

// a and b require each other, and walk recursively; the flow through them is still found.
function descend(name, depth) {
  if (depth > 3) {
    return pool.query("SELECT * FROM nodes WHERE name = '" + name + "'"); // want: js.sql-injection
  }
  return b.descendMore(name, depth + 1);
}

function safeDescend(name, depth) {
  if (depth > 3) {
    return pool.query('SELECT * FROM nodes WHERE name = $1', [name]);
  }
  return safeDescend(name, depth + 1);
}

module.exports = { descend, safeDescend };
