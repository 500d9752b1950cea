const { Pool } = require('pg');
const config = require('./config');

// The managed database presents a certificate from a private CA. Turning verification off
// was the quick fix; the safe pool below pins the CA instead.
const pool = new Pool({
  connectionString: config.databaseUrl,
  ssl: { rejectUnauthorized: false },
});

const reportingPool = new Pool({
  connectionString: process.env.REPORTING_DATABASE_URL,
  ssl: { ca: process.env.DATABASE_CA_CERT },
});

module.exports = { pool, reportingPool };
