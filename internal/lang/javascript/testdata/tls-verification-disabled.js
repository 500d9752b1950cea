const https = require('https');
const { Pool } = require('pg');

const insecureAgent = new https.Agent({ rejectUnauthorized: false }); // want: js.tls-verification-disabled
const agent = new https.Agent({ rejectUnauthorized: true, ca: process.env.CA_CERT });

const pool = new Pool({
  ssl: {
    rejectUnauthorized: false, // want: js.tls-verification-disabled
  },
});

const strictPool = new Pool({ ssl: { rejectUnauthorized: process.env.NODE_ENV === 'production' } });

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // want: js.tls-verification-disabled
process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0; // want: js.tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';

module.exports = { insecureAgent, agent, pool, strictPool };
