// manifest.test.mjs — each browser's manifest (base + overlay) asks for no more than the README
// justifies: "storage" and the five networks; no <all_urls>, no remote code, wasm only in extension pages.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { mergeManifest } from '../../../tools/extension/merge-manifest.mjs';

const ext = fileURLToPath(new URL('../../../extension/', import.meta.url));
const read = (p) => JSON.parse(readFileSync(join(ext, p), 'utf8'));
const base = read('manifest/base.json');
const hosts = ['https://*.x.com/*', 'https://*.twitter.com/*', 'https://*.facebook.com/*', 'https://*.instagram.com/*', 'https://*.linkedin.com/*'];

test('overlays merge key by key; arrays replace; null removes', () => {
  const merged = mergeManifest({ a: { b: 1, c: [1, 2] }, d: 1, e: 2 }, { a: { c: [3] }, d: null, f: { g: 1 } });
  assert.deepEqual(merged, { a: { b: 1, c: [3] }, e: 2, f: { g: 1 } });
});

for (const browser of ['chrome', 'edge', 'firefox']) {
  test(`${browser}: least permissions, no remote code`, () => {
    const m = mergeManifest(base, read(`manifest/${browser}.json`));
    assert.equal(m.manifest_version, 3);
    assert.deepEqual(m.permissions, ['storage']);
    assert.deepEqual(m.host_permissions, hosts);
    // Only on request, from the options page, for a network the user adds (the browser asks them).
    assert.deepEqual(m.optional_permissions, ['scripting']);
    assert.deepEqual(m.optional_host_permissions, ['https://*/*']);
    assert.ok(!JSON.stringify(m).includes('<all_urls>'));
    assert.deepEqual(m.content_scripts.map((c) => [c.matches, c.js]), [[hosts, ['content.js']]]);
    assert.equal(m.web_accessible_resources, undefined); // pages cannot load, or probe for, our files
    assert.equal(m.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
    assert.equal(m.externally_connectable, undefined); // web pages cannot message the extension
    assert.equal(m.browser_specific_settings.gecko.id, 'postcheck@carersinbeds.org.uk');
    if (browser === 'firefox') {
      assert.deepEqual(m.background, { scripts: ['src/background/main.js'], type: 'module' });
      assert.equal(m.storage, undefined);
    } else {
      // Chromium runs the service worker; `scripts` is the fallback Firefox's linter asks for (ignored by Chromium ≥ 121).
      assert.deepEqual(m.background, { service_worker: 'src/background/main.js', scripts: ['src/background/main.js'], type: 'module' });
      assert.equal(m.storage.managed_schema, 'managed-schema.json');
    }
  });
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

test('no extension source loads code or data from the network', () => {
  for (const file of filesUnder(join(ext, 'src'))) {
    const code = readFileSync(file, 'utf8');
    assert.ok(!/\bimport\s*\(\s*['"`]https?:/.test(code), file);
    assert.ok(!/from\s+['"]https?:/.test(code), file);
    assert.ok(!/<script[^>]+src=["']https?:/i.test(code), file);
    assert.ok(!/fetch\(\s*['"`]https?:/.test(code), file);
    assert.ok(!/XMLHttpRequest|WebSocket|EventSource|sendBeacon|new Function|\beval\(/.test(code), file);
  }
});

test('the managed schema offers exactly the four managed settings', () => {
  const schema = read('managed-schema.json');
  assert.deepEqual(Object.keys(schema.properties).sort(), ['authorisedAccounts', 'contacts', 'holdSeverities', 'policy']);
});
