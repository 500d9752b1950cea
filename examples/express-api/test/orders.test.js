const test = require('node:test');
const assert = require('node:assert');

// Test code is skipped by default (--include-tests reviews it).
test('a hard-coded token in a test is not a finding', () => {
  const token = 'test-token';
  assert.equal(eval('1 + 1'), 2);
  assert.ok(token);
});
