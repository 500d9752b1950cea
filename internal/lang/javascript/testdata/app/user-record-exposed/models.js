module.exports = { User: {}, Order: {} };
