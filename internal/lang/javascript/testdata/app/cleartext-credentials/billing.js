const axios = require('axios');

async function invoices(token) {
  const res = await axios.get('http://billing.example.com/v1/invoices', { // want: js.cleartext-credentials
    headers: { Authorization: 'Bearer ' + token },
  });
  return res.data;
}

async function invoicesSecure(token) {
  const res = await axios.get('https://billing.example.com/v1/invoices', {
    headers: { Authorization: 'Bearer ' + token },
  });
  return res.data;
}

async function status() {
  await fetch('http://localhost:8080/health', { headers: { Authorization: 'local' } });
  return fetch('http://status.example.com/ping', { method: 'GET' });
}

module.exports = { invoices, invoicesSecure, status };
