// engine.test.mjs — the background's checker lifecycle with the real wasm core (dist/lib): checks,
// a managed policy that loads replaces the built-in one, an invalid one is reported and the
// built-in policy stays in force, removing it returns to the built-in.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createEngine, maxFindingsPerReply } from '../../../extension/src/background/engine.js';

const lib = new URL('../../../dist/lib/', import.meta.url);
const haveLib = existsSync(new URL('postcheck.js', lib));
// A small, valid policy of the organisation's own: no phone rule, one rule about biscuits.
const managedPolicy = {
  format: 1, name: 'Managed test policy', version: '1',
  organisation: { names: ['Carers in Bedfordshire'] },
  contacts: { communications_officer: { role: 'Communications Officer', email: 'comms@example.org' } },
  rules: [{ id: 'no-biscuits', kind: 'lexicon', category: 'disrepute', severity: 'warn', clause: '4c',
    message: 'Biscuits.', advice: 'Offer fruit.', terms: ['biscuits'] }],
};

async function engineWithRealCore() {
  const { createChecker } = await import(new URL('postcheck.js', lib));
  const wasmBinary = readFileSync(new URL('postcheck-core.wasm', lib));
  return createEngine((options = {}) => createChecker({ ...options, wasmBinary }));
}

test('managed policy: valid replaces, invalid is reported and the built-in stays', { skip: !haveLib && 'dist/lib not built' }, async () => {
  const engine = await engineWithRealCore();
  const builtIn = await engine.policySummary();
  assert.equal(builtIn.source, 'built-in');
  assert.equal(builtIn.name, 'Carers in Bedfordshire social media policy');
  const { findings } = await engine.checkPost('Ring me on 07700 900123', { account: 'personal' });
  assert.deepEqual(findings.map((f) => f.category), ['personal-data']);

  await engine.applyManagedPolicy('{"format": 1, "name": ');
  assert.match(engine.policyStatus().managedPolicyError, /json\.syntax|syntax/i);
  assert.equal((await engine.policySummary()).source, 'built-in');
  assert.deepEqual((await engine.checkPost('Ring me on 07700 900123')).findings.map((f) => f.rule), ['personal-data-phone']);

  await engine.applyManagedPolicy(JSON.stringify(managedPolicy));
  const summary = await engine.policySummary();
  assert.deepEqual([summary.source, summary.name, engine.policyStatus().managedPolicyError], ['managed', 'Managed test policy', null]);
  assert.deepEqual((await engine.checkPost('Ring me on 07700 900123 for biscuits')).findings.map((f) => f.rule), ['no-biscuits'],
    'the managed rules are in force');

  // A later invalid managed policy does not leave the earlier managed one in force: back to built-in.
  await engine.applyManagedPolicy('{"format": 1}');
  assert.ok(engine.policyStatus().managedPolicyError);
  assert.equal((await engine.policySummary()).source, 'built-in');
  assert.equal((await engine.checkPost('Ring me on 07700 900123')).findings.length, 1);

  await engine.applyManagedPolicy(undefined);
  assert.deepEqual(engine.policyStatus(), { source: 'built-in', managedPolicyError: null });
});

test('a huge post: the reply carries the first findings and the counts of all', { skip: !haveLib && 'dist/lib not built' }, async () => {
  const engine = await engineWithRealCore();
  const text = 'call 07700 900123 now. '.repeat(2000);
  const reply = await engine.checkPost(text, { account: 'personal' });
  assert.equal(reply.findings.length, maxFindingsPerReply);
  assert.equal(reply.total, 2000);
  assert.equal(reply.severityCounts.block, 2000);
});
