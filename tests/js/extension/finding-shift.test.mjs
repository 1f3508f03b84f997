// finding-shift.test.mjs — findings follow their words through an edit made between two checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shiftFindings } from '../../../extension/src/content/finding-shift.js';

const before = 'call 07700 900123 now you idiot';
const phone = { rule: 'phone', start: 5, end: 17, excerpt: '07700 900123' };
const insult = { rule: 'insult', start: 26, end: 31, excerpt: 'idiot' };

function excerptsAfter(after) {
  return shiftFindings([phone, insult], before, after).map((f) => after.slice(f.start, f.end));
}

test('an insertion before a finding moves it; one after leaves it', () => {
  assert.deepEqual(excerptsAfter(`please ${before}`), ['07700 900123', 'idiot']);
  assert.deepEqual(excerptsAfter(`${before}!!`), ['07700 900123', 'idiot']);
  assert.deepEqual(excerptsAfter(before.replace('now', 'right now')), ['07700 900123', 'idiot']);
});

test('an edit inside a finding drops it until the next check', () => {
  const after = before.replace('900123', '900 123');
  const shifted = shiftFindings([phone, insult], before, after);
  assert.deepEqual(shifted.map((f) => f.rule), ['insult']);
  assert.equal(after.slice(shifted[0].start, shifted[0].end), 'idiot');
});

test('deleting everything drops everything; no change keeps the same array', () => {
  assert.deepEqual(shiftFindings([phone, insult], before, ''), []);
  const same = [phone];
  assert.equal(shiftFindings(same, before, before), same);
});

test('repeated characters at the edit point do not confuse the shift', () => {
  const b = 'aaa idiot';
  const f = { start: 4, end: 9 };
  const after = 'aaaa idiot';
  const [moved] = shiftFindings([f], b, after);
  assert.equal(after.slice(moved.start, moved.end), 'idiot');
});
