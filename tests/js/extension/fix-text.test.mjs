// fix-text.test.mjs — the text a Fix must produce, for each suggestion action.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textAfterFix } from '../../../extension/src/content/fix-applier.js';

test('replace, remove and append give exactly the expected text', () => {
  const text = 'What a f*cking day';
  const at = { start: 7, end: 14 };
  assert.equal(textAfterFix(text, { ...at, suggestion: { action: 'replace', text: 'f******' } }), 'What a f****** day');
  assert.equal(textAfterFix(text, { ...at, suggestion: { action: 'remove', text: '' } }), 'What a  day');
  assert.equal(textAfterFix(text, { ...at, suggestion: { action: 'append', text: ' (Views my own.)' } }), 'What a f*cking day (Views my own.)');
});

test('offsets are UTF-16 indexes, so astral characters before the finding are respected', () => {
  const text = '🤬🤬 you w4nker';
  const start = text.indexOf('w4nker');
  assert.equal(textAfterFix(text, { start, end: start + 6, suggestion: { action: 'replace', text: 'w*****' } }), '🤬🤬 you w*****');
});
