// api.test.mjs — the public JS API of dist/lib/postcheck.js on the real wasm: the contract the extension
// and the site rely on, bad policies, and UTF-16 offsets with emoji, astral, combining marks, curly quotes
// and lone surrogates.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeChecker, smallPolicy, loadApi, wasmBinary } from './support.mjs';

test('the default policy loads and describes itself', async () => {
  const checker = await makeChecker();
  const p = checker.policy;
  assert.match(p.name, /Carers in Bedfordshire/);
  assert.ok(p.version.length > 0);
  assert.ok(p.ruleCount >= 8, `ruleCount ${p.ruleCount}`);
  assert.ok(p.contacts.communications_officer.email.includes('@'));
  assert.ok(p.charityAccounts.some((a) => a.handle === '@CarersinBeds'));
  assert.deepEqual(p.holdSeverities, ['block']);
});

test('findings are plain objects with the documented fields', async () => {
  const checker = await makeChecker({ policy: smallPolicy });
  const text = 'Ring me on 07700 900283, we believe it is shit';
  const { findings } = checker.check(text, { account: 'personal', authorised: false });
  assert.deepEqual(findings.map((f) => f.rule), ['phone', 'stance', 'swear']);
  for (const f of findings) {
    assert.deepEqual(Object.keys(f).sort(),
      ['advice', 'category', 'clause', 'end', 'excerpt', 'message', 'rule', 'severity', 'start', 'suggestion']);
    assert.equal(Object.getPrototypeOf(f), Object.prototype);
    assert.equal(f.excerpt, text.slice(f.start, f.end));
  }
  assert.deepEqual(JSON.parse(JSON.stringify(findings)), findings);
  assert.equal(findings[0].excerpt, '07700 900283');
  assert.equal(findings[0].suggestion, null);
  assert.deepEqual(findings[1].suggestion, { action: 'append', text: ' (Views my own.)' });
  assert.deepEqual(findings[2].suggestion, { action: 'replace', text: '****' });
});

test('policy texts reach findings exactly: quotes, backslashes, line breaks, control characters, emoji', async () => {
  // The engine hands the policy over as one JSON text (describe()); every character must survive it.
  const message = 'He said "no" \\ then\nleft\t\u0001 \u2019curly\u2019 💚 \u00e9';
  const policy = structuredClone(smallPolicy);
  policy.name = 'Policy "quoted" \\ 💚';
  policy.rules[1].message = message;
  policy.rules[1].advice = `${message} (advice)`;
  policy.rules[2].suggestion.text = ' (Views\nmy "own".)';
  const checker = await makeChecker({ policy });
  assert.equal(checker.policy.name, policy.name);
  assert.equal(checker.policy.ruleCount, policy.rules.length);
  const { findings } = checker.check('Ring 07700 900283, we believe');
  assert.deepEqual(findings.map((f) => [f.rule, f.message, f.advice, f.suggestion]), [
    ['phone', message, `${message} (advice)`, null],
    ['stance', 'Sounds like the charity speaking.', 'Say it is your view.', { action: 'append', text: ' (Views\nmy "own".)' }],
  ]);
  // Each call gets its own suggestion objects: changing one changes nothing else.
  findings[1].suggestion.text = 'changed';
  assert.equal(checker.check('we believe').findings[0].suggestion.text, ' (Views\nmy "own".)');
});

test('context: the charity account and the authorised switch', async () => {
  const checker = await makeChecker({ policy: smallPolicy });
  const text = 'Coffee morning on Tuesday!';
  assert.deepEqual(checker.check(text).findings, []);
  assert.deepEqual(checker.check(text, { account: 'charity', authorised: true }).findings, []);
  const [f] = checker.check(text, { account: 'charity', authorised: false }).findings;
  assert.equal(f.category, 'charity-account-misuse');
  assert.equal(f.clause, '4a');
  assert.throws(() => checker.check(text, { account: 'business' }), TypeError);
  assert.throws(() => checker.check(42), TypeError);
});

test('UTF-16 offsets: emoji, astral, combining marks, curly quotes, accents, lone surrogates', async () => {
  const checker = await makeChecker({ policy: smallPolicy });
  const cases = [  // [text, findings expected]
    ['😀😀 sh1t', 1],
    ['👩‍👧‍👦 family 🏳️‍🌈 then f*cking', 1],
    ['e\u0301e\u0301e\u0301 caf\u00e9 \u201cshit\u201d', 1],
    ['𝒜𝒷𝒸 \ud800 lone high, \udc00 lone low, fuck', 1],
    ['\ud83d', 0], // a lone high surrogate at the end, nothing else
    ['ＦＵＣＫ fullwidth and Cyrillic ѕhіt', 2],
  ];
  for (const [text, expected] of cases) {
    const { findings } = checker.check(text);
    for (const f of findings) {
      assert.ok(f.start >= 0 && f.start < f.end && f.end <= text.length, `${text}: ${f.start}-${f.end}`);
      assert.equal(f.excerpt, text.slice(f.start, f.end));
      // Never split a surrogate pair.
      const before = text.charCodeAt(f.start - 1), first = text.charCodeAt(f.start);
      assert.ok(!(before >= 0xd800 && before <= 0xdbff && first >= 0xdc00 && first <= 0xdfff));
    }
    assert.equal(findings.length, expected, `${JSON.stringify(text)} → ${JSON.stringify(findings)}`);
  }
  const { findings } = checker.check('😀😀 sh1t');
  assert.deepEqual([findings[0].start, findings[0].end], [5, 9]);
});

test('bad policies: the error names code, path and line:column; the previous policy stays', async () => {
  const { PolicyError } = await loadApi();
  const checker = await makeChecker({ policy: smallPolicy });
  const before = checker.check('sh1t').findings;
  assert.equal(before.length, 1);

  assert.throws(() => checker.setPolicy('{\n  "format": 1,\n  "name": \n}'), (e) => {
    assert.ok(e instanceof PolicyError);
    assert.equal(e.code, 'json.syntax');
    assert.equal(e.line, 4);
    assert.match(e.message, /json\.syntax/);
    assert.match(e.message, /4:\d+/);
    return true;
  });

  const bad = structuredClone(smallPolicy);
  bad.rules[1].severity = 'loud';
  bad.rules[2].colour = 'red';
  assert.throws(() => checker.setPolicy(bad), (e) => {
    assert.equal(e.code, 'value.severity');
    assert.equal(e.path, '/rules/1/severity');
    assert.ok(e.line > 1 && e.column > 1);
    assert.equal(e.errors.length, 2);
    assert.match(e.errors[1], /field\.unknown at \/rules\/2\/colour/);
    return true;
  });
  assert.deepEqual(checker.check('sh1t').findings, before);
  assert.equal(checker.policy.name, 'API test policy');

  await assert.rejects(makeChecker({ policy: '[]' }), PolicyError);
  checker.setPolicy({ ...smallPolicy, name: 'Renamed' });
  assert.equal(checker.policy.name, 'Renamed');
});

test('createChecker fetches nothing when given the bytes, and accepts an ArrayBuffer', async () => {
  const { createChecker } = await loadApi();
  const bytes = wasmBinary();
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const checker = await createChecker({ wasmBinary: buffer, policy: JSON.stringify(smallPolicy) });
  assert.equal(checker.check('07700 900283').findings.length, 1);
});

test('createChecker takes the core compiled beforehand, or loads it itself when that failed', async () => {
  const { createChecker } = await loadApi();
  const compiled = await WebAssembly.compile(wasmBinary());
  const post = 'Ring me on 07700 900283';
  for (const wasmModule of [compiled, Promise.resolve(compiled)]) {
    const checker = await createChecker({ wasmModule, policy: smallPolicy });
    assert.deepEqual(checker.check(post).findings.map((f) => f.rule), ['phone']);
  }
  // A compile that failed (a bad download, say) is not fatal: the .wasm beside postcheck.js is used.
  const broken = WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]));
  broken.catch(() => {});
  const checker = await createChecker({ wasmModule: broken });
  assert.deepEqual(checker.check(post).findings.map((f) => f.category), ['personal-data']);
});

test('memory does not grow over 100,000 checks', async () => {
  const checker = await makeChecker();
  const posts = [
    'Lovely coffee morning in Bedford today ☕',
    'Ring Priya on 07700 900283 about the rota, honestly management are useless 🙄',
    'We believe @CarersinBeds should back the strike. f*ck the council',
    'My client’s husband has dementia and she can’t cope, NHS number 943 476 5919',
    '👩‍👧‍👦'.repeat(40) + ' sh1t day',
  ];
  for (let i = 0; i < 1000; i++) checker.check(posts[i % posts.length], { account: i % 2 ? 'charity' : 'personal' });
  const after1k = checker.memory;
  for (let i = 0; i < 99000; i++) checker.check(posts[i % posts.length], { account: i % 2 ? 'charity' : 'personal' });
  const after100k = checker.memory;
  assert.ok(after100k.heapUsed - after1k.heapUsed < 1024 * 1024,
    `heap grew by ${after100k.heapUsed - after1k.heapUsed} bytes`);
  assert.equal(after100k.memoryBytes, after1k.memoryBytes);
});
