// differential.test.mjs — the browser runs exactly the code the native tests test: for every post of
// ../shared/corpus/dev.jsonl, the wasm findings equal the native CLI's --jsonl findings, field by field.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { makeChecker, shared, cli } from './support.mjs';

const corpus = path.join(shared, 'corpus/dev.jsonl');

test('wasm and native agree on every dev-corpus post', { skip: !existsSync(corpus) && 'no shared corpus' }, async () => {
  const lines = readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim());
  const posts = lines.map((l) => JSON.parse(l));
  const input = posts.map((p) => JSON.stringify({ id: p.id, text: p.text, account: p.account, authorised: p.authorised })).join('\n');
  // The CLI exits 2 when any post has a block finding; only its output matters here.
  const run = spawnSync(cli, ['--jsonl'], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.error, undefined);
  assert.ok([0, 1, 2].includes(run.status), `postcheck exited ${run.status}: ${run.stderr}`);
  const out = run.stdout;
  const native = new Map(out.trim().split('\n').map((l) => JSON.parse(l)).map((r) => [r.id, r.findings]));
  assert.equal(native.size, posts.length);

  const checker = await makeChecker();
  let findingsCompared = 0;
  for (const p of posts) {
    const wasm = checker.check(p.text, { account: p.account, authorised: p.authorised }).findings;
    assert.deepEqual(wasm, native.get(p.id), `post ${p.id}`);
    findingsCompared += wasm.length;
  }
  assert.ok(findingsCompared > 50, `only ${findingsCompared} findings compared`);
});
