const a = require('./a');

function descendMore(name, depth) {
  return a.descend(name, depth);
}

module.exports = { descendMore };
