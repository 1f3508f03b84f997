// differential.test.mjs — the browser runs exactly the code the native tests test: for every post of
// ../shared/corpus/dev.jsonl, the wasm findings equal the native CLI's --jsonl findings, field by field.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { makeChecker, shared, cli } from './support.mjs';

const corpus = path.join(shared, 'corpus/dev.jsonl');

test('wasm and native agree on every dev-corpus post', { skip: !existsSync(corpus) && 'no shared corpus' }, async () => {
  const lines = readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim());
  const posts = lines.map((l) => JSON.parse(l));
  const input = posts.map((p) => JSON.stringify({ id: p.id, text: p.text, account: p.account, authorised: p.authorised })).join('\n');
  const out = execFileSync(cli, ['--jsonl'], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
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
