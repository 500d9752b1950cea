module.exports = { User: {} };
