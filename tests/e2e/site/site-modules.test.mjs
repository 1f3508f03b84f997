// site-modules.test.mjs — the site's DOM-free modules and the build's policy parser, in Node (no browser):
// clause anchors, scenario data, character counting, Fix application, overlay layering, saved progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './helpers/site-server.mjs';
import { parsePolicyText, renderPolicyHtml } from '../../../tools/build-site.mjs';
import { CATEGORIES, CLAUSE_IDS, clauseHref, clauseLabel, normaliseClause } from '../../../site/js/categories.js';
import { validateScenarios } from '../../../site/js/scenario-data.js';
import { countCharacters, formatCount, NETWORK_LIMITS } from '../../../site/js/char-count.js';
import { applySuggestion, fixLabel, summariseFindings } from '../../../site/js/finding-cards.js';
import { assignLayers } from '../../../site/js/underline-overlay.js';
import { loadProgress, saveAnswer, clearProgress, score, STORAGE_KEY } from '../../../site/js/progress-store.js';

const policyText = await readFile(path.join(repoRoot, '..', 'shared', 'policy', 'social-media-policy.txt'), 'utf8');
const readJson = async (name) => JSON.parse(await readFile(path.join(repoRoot, 'site', name), 'utf8'));

test('the policy text parses into every clause the product links to, in order', () => {
  const sections = parsePolicyText(policyText);
  assert.deepEqual(sections.map((s) => s.id), ['preamble', '1', '2', '3', '4', '4a', '4b', '4c', '5']);
  const clause4c = sections.find((s) => s.id === '4c');
  assert.equal(clause4c.title, 'Use of personal social media accounts at work');
  // The PDF's wrapped lines are joined, and its bullets (with or without a symbol) become list items.
  const lists = clause4c.blocks.filter((b) => b.type === 'list');
  assert.deepEqual(lists.map((l) => l.items.length), [3, 6]);
  assert.match(lists[1].items[0].text, /^Staff can use their personal social media for work-related purposes during working hours, but must/);
  const clause4b = sections.find((s) => s.id === '4b');
  assert.ok(clause4b.blocks.some((b) => b.type === 'list' && b.items.some((i) => i.text.endsWith('relevant to the charity, but created by others'))));
});

test('the rendered policy has one anchor per clause and a plain-English guide for each', async () => {
  const guide = await readJson('policy-guide.json');
  const { html, toc } = renderPolicyHtml(parsePolicyText(policyText), guide);
  for (const id of CLAUSE_IDS) {
    assert.equal(html.split(`id="clause-${id}"`).length - 1, 1, `exactly one #clause-${id}`);
    assert.ok(toc.includes(`href="#clause-${id}"`), `the contents link to #clause-${id}`);
    assert.ok(html.includes(`id="guide-${id}-title"`), `clause ${id} has its summary`);
    assert.ok(guide.clauses[id].do.length > 0 && guide.clauses[id].dont.length > 0, `clause ${id} has do's and don'ts`);
  }
  assert.ok(!html.includes('@@'), 'no template placeholder left');
  assert.ok(html.includes('Social media is not the place to let off steam or have a grumble about work.'));
});

test('clause ids from findings map to the policy anchors', () => {
  assert.equal(clauseHref('4c'), 'policy.html#clause-4c');
  assert.equal(clauseHref('4(C)'), 'policy.html#clause-4c');
  assert.equal(normaliseClause(' 5 '), '5');
  assert.equal(clauseLabel('4a'), 'Clause 4(a)');
  assert.equal(clauseLabel('3'), 'Clause 3');
});

test('scenarios.json is valid: at least 16, every category, both accounts, some fine posts', async () => {
  const data = await readJson('scenarios.json');
  assert.deepEqual(validateScenarios(data), []);
  const categories = new Set(data.scenarios.flatMap((s) => s.categories));
  assert.deepEqual([...categories].sort(), Object.keys(CATEGORIES).sort());
  // The validator itself rejects what it should.
  const broken = structuredClone(data);
  broken.scenarios[0].verdict = 'maybe';
  broken.scenarios[1].id = broken.scenarios[2].id;
  broken.scenarios = broken.scenarios.filter((s) => !s.categories.includes('security'));
  const errors = validateScenarios(broken).join('\n');
  assert.match(errors, /verdict must be/);
  assert.match(errors, /id is not unique/);
  assert.match(errors, /no scenario covers the category security/);
});

test('examples.json loads posts for both accounts and every network', async () => {
  const { examples } = await readJson('examples.json');
  assert.ok(examples.length >= 6);
  assert.deepEqual(new Set(examples.map((e) => e.account)), new Set(['personal', 'charity']));
  for (const example of examples) assert.ok(example.network in NETWORK_LIMITS, example.id);
});

test('character counts follow each network', () => {
  assert.deepEqual(Object.fromEntries(Object.entries(NETWORK_LIMITS).map(([k, v]) => [k, v.limit])),
    { x: 280, facebook: 63206, instagram: 2200, linkedin: 3000 });
  assert.equal(countCharacters('Hello', 'x'), 5);
  assert.equal(countCharacters('Hello 💚', 'x'), 8, 'an emoji weighs 2 on X');
  assert.equal(countCharacters('Hello 💚', 'facebook'), 7, 'and 1 elsewhere');
  assert.equal(countCharacters('👩‍👩‍👧', 'instagram'), 1, 'a joined emoji is one character');
  assert.equal(countCharacters('See https://www.carersinbeds.org.uk/jobs/young-carers-worker now', 'x'), 4 + 23 + 4);
  assert.equal(countCharacters('café', 'x'), 4);
  assert.equal(countCharacters('日本', 'x'), 4, 'CJK weighs 2 on X');
  // Plain ASCII skips the segmenter: the same counts, CR LF still one character.
  assert.equal(countCharacters('One\r\ntwo\nthree', 'linkedin'), 13);
  assert.equal(countCharacters('One\r\ntwo\nthree', 'linkedin'), countCharacters('One\r\ntwo\nthree 💚', 'linkedin') - 2);
  assert.equal(countCharacters('', 'facebook'), 0);
  for (const n of [0, 7, 280, 2200, 63206, 1234567]) assert.equal(formatCount(n), n.toLocaleString('en-GB'), String(n));
});

test('Fix applies replace, remove and append suggestions exactly', () => {
  const text = 'Call Sue on 07700 900123 today';
  const finding = { start: 12, end: 24 };
  assert.deepEqual(applySuggestion(text, { ...finding, suggestion: { action: 'replace', text: '[number removed]' } }),
    { text: 'Call Sue on [number removed] today', caret: 28 });
  assert.equal(applySuggestion(text, { ...finding, suggestion: { action: 'remove', text: '' } }).text, 'Call Sue on today');
  assert.equal(applySuggestion('What a sh*t day.', { start: 7, end: 11, suggestion: { action: 'remove' } }).text, 'What a day.');
  assert.equal(applySuggestion('We oppose it', { start: 0, end: 9, suggestion: { action: 'append', text: ' (Views my own.)' } }).text,
    'We oppose it (Views my own.)');
  assert.equal(fixLabel({ action: 'append', text: ' (Views my own.)' }), 'Fix: add “(Views my own.)”');
  assert.equal(fixLabel({ action: 'replace', text: 'f***' }), 'Fix: change to “f***”');
  assert.equal(fixLabel(null), null);
});

test('the live-region sentence counts findings by severity', () => {
  assert.equal(summariseFindings([]), 'No problems found.');
  assert.equal(summariseFindings([{ severity: 'block' }, { severity: 'warn' }, { severity: 'warn' }]),
    '3 problems: 1 must fix, 2 warnings.');
});

test('overlapping findings get separate underline layers, others share one', () => {
  assert.deepEqual(assignLayers([{ start: 0, end: 5 }, { start: 5, end: 9 }, { start: 10, end: 12 }]), [0, 0, 0]);
  assert.deepEqual(assignLayers([{ start: 0, end: 10 }, { start: 2, end: 4 }, { start: 3, end: 12 }, { start: 11, end: 13 }]), [0, 1, 2, 0]);
});

test('progress survives a reload, ignores unknown scenarios and corrupt storage', () => {
  const storage = new Map();
  const store = { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v), removeItem: (k) => storage.delete(k) };
  const scenarios = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const progress = loadProgress(store);
  saveAnswer(progress, 'a', 'change', true, store);
  saveAnswer(progress, 'b', 'ok', false, store);
  saveAnswer(progress, 'gone', 'ok', true, store);
  assert.deepEqual(score(loadProgress(store), scenarios), { answered: 2, correct: 1, total: 3 });
  storage.set(STORAGE_KEY, '{not json');
  assert.deepEqual(loadProgress(store).answers, {});
  assert.deepEqual(clearProgress(store).answers, {});
  assert.equal(storage.has(STORAGE_KEY), false);
});
