// firefox.test.mjs — the Firefox build in real Firefox (Debian's firefox-esr, driven over WebDriver BiDi by
// puppeteer-core): the MV3 background script (an event page, where Chromium has a service worker) loads
// the wasm core and answers the content script, which underlines and holds a post exactly as in Chromium.
// The expected findings come from the same dist/lib engine run in Node, so the test pins "Firefox draws
// what the core finds", not a copy of the policy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createChecker } from '../../../dist/lib/postcheck.js';
import { holdDialogButtons, launchFirefoxExtension, underlines, waitForCategories } from './firefox-harness.mjs';
import { repo } from './harness.mjs';
import { posts } from './posts.mjs';

// Accents, curly quotes, an emoji (two UTF-16 units) and a ZWJ sequence before the findings, so a
// UTF-16 offset error in the background would move or drop underlines.
const breach = 'Zoë’s “lovely” 👩‍👩‍👧 afternoon 😀 — ring Mrs Patel on 07700 900123 about her husband’s dementia, you stupid idiot';

let firefox;
let page;
let engine;
const expectedCategories = (text) =>
  [...new Set(engine.check(text, { account: 'personal', authorised: false }).findings.map((f) => f.category))].sort();
const postedTexts = () => page.evaluate(() => [...document.querySelectorAll('#posted li')].map((li) => li.textContent));
const editorText = () => page.evaluate(() => window.fixtureEditors[0].text);

async function clearAndType(text) {
  await page.click('#editor');
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

before(async () => {
  const wasmBinary = readFileSync(join(repo, 'dist', 'lib', 'postcheck-core.wasm'));
  engine = await createChecker({ wasmBinary });
  firefox = await launchFirefoxExtension();
  page = await firefox.openFixture('https://x.com/home');
});

after(async () => {
  await firefox?.close();
});

test('the add-on installs in Firefox and its background script answers the content script', async () => {
  const manifest = JSON.parse(readFileSync(join(repo, 'extension', 'manifest', 'base.json'), 'utf8'));
  assert.equal(firefox.addonId, manifest.browser_specific_settings.gecko.id);
  assert.deepEqual(await underlines(page), [], 'an empty box shows nothing');
});

test('a breaching post with emoji, accents and curly quotes is underlined with what the core finds', async () => {
  const want = expectedCategories(breach);
  assert.ok(want.includes('personal-data') && want.includes('disrepute'), `the core finds ${want}`);
  await clearAndType(breach);
  const found = await waitForCategories(page, (c) => c.length >= want.length, 10000);
  assert.deepEqual(found, want);
  assert.equal(await editorText(), breach, 'nothing typed was changed');
});

test('Post is held with a question; Post anyway posts exactly what was typed, once', async () => {
  await page.click('#post');
  let buttons = null;
  for (let i = 0; i < 100 && !buttons; i += 1) {
    buttons = await holdDialogButtons(page);
    if (!buttons) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.ok(buttons?.includes('Post anyway') && buttons.includes('Edit post'), `dialog buttons: ${buttons}`);
  assert.deepEqual(await postedTexts(), [], 'held while the dialog is open');
  // A real click: the extension ignores synthetic clicks, which a hostile page could send.
  const postAnyway = await page.evaluateHandle(() => {
    const root = [...document.querySelectorAll('[data-postcheck-root]')].find((e) => e.shadowRoot);
    return [...root.shadowRoot.querySelectorAll('[data-postcheck-dialog] button')].find((b) => b.textContent.trim() === 'Post anyway');
  });
  await postAnyway.click();
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.deepEqual(await postedTexts(), [breach]);
  assert.equal(await holdDialogButtons(page), null);
});

test('a clean post shows nothing and goes straight through', async () => {
  assert.deepEqual(expectedCategories(posts.clean.text), []);
  await clearAndType(posts.clean.text);
  await new Promise((resolve) => setTimeout(resolve, 600));
  assert.deepEqual(await underlines(page), []);
  await page.click('#post');
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(await holdDialogButtons(page), null);
  assert.deepEqual(await postedTexts(), [breach, posts.clean.text]);
});

test('nothing the page or the content script asked for left the browser', () => {
  assert.ok(firefox.served.length >= 3, 'the fixture page and its scripts were served');
  assert.deepEqual(firefox.refused, []);
});
