// web-ext-lint.test.mjs — Mozilla's linter (the one addons.mozilla.org runs) finds no errors in the
// built extension, for the Chromium build (as the issue asks) and the Firefox build.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildExtension, repo } from './harness.mjs';

function lint(dir) {
  let out;
  try {
    out = execFileSync(join(repo, 'node_modules', '.bin', 'web-ext'), ['lint', '-s', dir, '--output', 'json', '--no-config-discovery'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    out = error.stdout; // web-ext exits non-zero when there are errors; the JSON says which
  }
  return JSON.parse(out.slice(out.indexOf('{')));
}

for (const name of ['extension', 'extension-firefox']) {
  test(`web-ext lint: dist/${name} has zero errors`, (t) => {
    const report = lint(join(buildExtension().root, name));
    const show = (list) => list.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
    t.diagnostic(`${name}: ${report.count} messages, errors ${report.errors.length}, warnings ${report.warnings.length}: ${JSON.stringify(show(report.warnings))}`);
    assert.deepEqual(show(report.errors), []);
  });
}
