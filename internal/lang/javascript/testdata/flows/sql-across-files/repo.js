const { pool } = require('./db');

exports.byEmail = function (email) {
  const sql = "SELECT * FROM users WHERE email = '" + email + "'";
  return pool.query(sql); // want: js.sql-injection
};

exports.byEmailSafe = function (email) {
  return pool.query('SELECT * FROM users WHERE email = $1', [email]);
};
