module.exports = { Order: {} };
