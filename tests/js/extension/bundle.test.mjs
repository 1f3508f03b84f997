// bundle.test.mjs — the content-script bundler keeps module scopes apart, resolves renamed imports,
// refuses forms it does not handle, and turns the real content graph into one valid classic script.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { bundleContent } from '../../../tools/extension/bundle-content.mjs';

function graph(files) {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('modules run once, in dependency order, with private names kept apart and renamed imports resolved', () => {
  const dir = graph({
    'a.js': "const secret = 'a';\nexport const value = 2;\nexport function twice(x) { return x * value; }\nglobalThis.log.push(secret);\n",
    'b.js': "import { twice as double, value } from './a.js';\nconst secret = 'b';\nglobalThis.log.push(secret, double(value));\n",
    'main.js': "import { value } from './a.js';\nimport './b.js';\n",
  });
  // './b.js' imported for effect is not a form we use; the bundler must refuse it rather than drop it.
  assert.throws(() => bundleContent(join(dir, 'main.js'), dir));
  writeFileSync(join(dir, 'b.js'), "import { twice as double, value } from './a.js';\nconst secret = 'b';\nexport const fromB = double(value);\nglobalThis.log.push(secret);\n");
  writeFileSync(join(dir, 'main.js'), "import { value, twice } from './a.js';\nimport { fromB } from './b.js';\nconst secret = 'main';\nglobalThis.log.push(secret, twice(value) + 1, fromB);\n");
  const code = bundleContent(join(dir, 'main.js'), dir);
  const context = { log: [] };
  vm.runInNewContext(code, context);
  assert.deepEqual(context.log, ['a', 'b', 'main', 5, 4]);
  assert.ok(!/^\s*(import|export)\b/m.test(code));
});

test('an import of a name that is not exported is an error, not undefined at run time', () => {
  const dir = graph({ 'a.js': 'export const x = 1;\n', 'main.js': "import { y } from './a.js';\n" });
  assert.throws(() => bundleContent(join(dir, 'main.js'), dir), /y is not exported/);
});

test('the real content script bundles into one valid classic script', () => {
  const src = fileURLToPath(new URL('../../../extension/src/', import.meta.url));
  const code = bundleContent(join(src, 'content', 'main.js'), src);
  assert.doesNotThrow(() => new vm.Script(code));
  for (const layer of ['ui/']) assert.ok(!code.includes(`// ---- ${layer}`), 'content scripts never include UI code');
  assert.ok(!code.includes('// ---- background/'), 'nor background code');
});
