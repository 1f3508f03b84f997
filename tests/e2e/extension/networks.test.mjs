// networks.test.mjs — the extension on each network's composer (fixtures copying X's Draft.js box,
// Facebook's and Instagram's Lexical boxes, LinkedIn's Quill editor and a plain textarea comment box
// in an open shadow root), served at the real addresses with a strict CSP. For each: a breaching post
// is underlined with the right categories within 500 ms; a clean post shows nothing and posts untouched;
// a held post is not posted by "Edit post" and is posted exactly once by "Post anyway"; Fix gives
// exactly the expected text; the text is never changed otherwise.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  categories, editorText, holdDialog, launchExtension, openFixture, postedTexts, underlines, waitForCategories,
} from './harness.mjs';
import { posts } from './posts.mjs';

const networks = [
  { name: 'X (Draft.js)', url: 'https://x.com/home', box: '#editor', post: '#post', editor: 0 },
  { name: 'Facebook (Lexical, box appears later)', url: 'https://www.facebook.com/?open=no', open: '#open-composer',
    box: '[data-lexical-editor]', post: 'div[role="button"][aria-label="Post"]', editor: 0 },
  // The same editor kind as Facebook's: its replace-Fix path is covered there.
  { name: 'Instagram caption (Lexical)', url: 'https://www.instagram.com/p/new/', box: '#editor', post: '#post', editor: 0,
    skipReplaceFix: true },
  { name: 'Instagram comment (textarea in an open shadow root)', url: 'https://www.instagram.com/p/abc/',
    box: 'comment-box textarea', post: 'comment-box .send', editor: 1 },
  { name: 'LinkedIn (Quill)', url: 'https://www.linkedin.com/feed/', box: '#editor', post: '#post', editor: 0 },
];

let ext;
before(async () => { ext = await launchExtension(); });
after(async () => { await ext?.close(); });

async function typeInto(page, net, text) {
  await page.locator(net.box).click();
  await page.keyboard.type(text);
}

async function clearEditor(page, net) {
  await page.locator(net.box).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
}

for (const net of networks) {
  describe(net.name, () => {
    let page;
    before(async () => {
      page = await openFixture(ext, net.url);
      if (net.open) await page.locator(net.open).click();
      await page.locator(net.box).waitFor();
    });
    after(async () => { await page?.close(); });

    test('a breaching post is underlined with the right categories within 500 ms of the last keystroke', async () => {
      await typeInto(page, net, posts.breach.text);
      const typed = Date.now();
      const found = await waitForCategories(page, (c) => c.length > 0, 500);
      const elapsed = Date.now() - typed;
      assert.deepEqual(found, posts.breach.categories, `after ${elapsed} ms`);
      assert.ok((await underlines(page)).every((u) => u.severity === 'block'));
      assert.equal(await editorText(page, net.editor), posts.breach.text);
    });

    test('Edit post does not post, and puts the caret back on the finding', async () => {
      await page.locator(net.post).click();
      await holdDialog(page).waitFor({ timeout: 2000 });
      await holdDialog(page).getByRole('button', { name: 'Edit post' }).click();
      await page.waitForTimeout(300);
      assert.equal(await holdDialog(page).count(), 0);
      assert.deepEqual(await postedTexts(page), []);
      assert.equal(await editorText(page, net.editor), posts.breach.text);
      const focusedIsBox = await page.evaluate((sel) => {
        const box = document.querySelector(sel) ?? document.querySelector('comment-box').shadowRoot.querySelector('textarea');
        return box.matches(':focus');
      }, net.box.replace('comment-box ', ''));
      assert.ok(focusedIsBox, 'focus is back in the compose box');
    });

    test('the post button is held, and Post anyway posts exactly once', async () => {
      await page.locator(net.post).click();
      const dialog = holdDialog(page);
      await dialog.waitFor({ timeout: 2000 });
      assert.equal(await dialog.getAttribute('role'), 'dialog');
      assert.deepEqual(await postedTexts(page), [], 'held while the dialog is open');
      await dialog.getByRole('button', { name: 'Post anyway' }).click();
      await page.waitForTimeout(400);
      assert.deepEqual(await postedTexts(page), [posts.breach.text]);
      assert.equal(await holdDialog(page).count(), 0);
    });

    test('a clean post shows nothing and goes through untouched', async () => {
      await clearEditor(page, net);
      await typeInto(page, net, posts.clean.text);
      await page.waitForTimeout(500);
      assert.deepEqual(await categories(page), []);
      assert.equal(await editorText(page, net.editor), posts.clean.text);
      await page.locator(net.post).click();
      await page.waitForTimeout(300);
      assert.equal(await holdDialog(page).count(), 0);
      assert.deepEqual(await postedTexts(page), [posts.breach.text, posts.clean.text]);
    });

    async function fixByHover(category, want) {
      await waitForCategories(page, (c) => c.includes(category), 1000);
      const at = await page.evaluate((cat) => {
        const root = [...document.querySelectorAll('[data-postcheck-root]')].find((e) => e.shadowRoot);
        const r = root.shadowRoot.querySelector(`.underline[data-finding-category="${cat}"]`).getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }, category);
      await page.mouse.move(at.x, at.y); // hovering the underline opens the card
      const fix = page.locator('[data-postcheck-root] .card button.fix');
      await fix.waitFor({ timeout: 2000 });
      await fix.click();
      await page.waitForFunction(([i, text]) => window.fixtureEditors[i].text === text, [net.editor, want], { timeout: 2000 });
      await page.mouse.move(1, 1);
      await page.waitForTimeout(300);
      assert.equal(await editorText(page, net.editor), want);
    }

    test('Fix (append) applies the suggestion through the editor: exactly the expected text, finding gone', async () => {
      await clearEditor(page, net);
      await typeInto(page, net, posts.fixable.text);
      await waitForCategories(page, (c) => c.includes(posts.fixable.category), 1000);
      assert.equal(await editorText(page, net.editor), posts.fixable.text, 'checking changed nothing');
      await fixByHover(posts.fixable.category, posts.fixable.fixed);
      await waitForCategories(page, (c) => !c.includes(posts.fixable.category), 1000);
    });

    test('Fix (replace) gives exactly the expected text', { skip: net.skipReplaceFix }, async () => {
      await clearEditor(page, net);
      await typeInto(page, net, posts.masked.text);
      await fixByHover(posts.masked.category, posts.masked.fixed);
    });
  });
}

describe('posting from the keyboard', () => {
  test('X: Ctrl+Enter with a holding finding is held; Post anyway posts exactly once', async () => {
    const page = await openFixture(ext, 'https://x.com/home');
    await typeInto(page, networks[0], posts.breach.text);
    await waitForCategories(page, (c) => c.includes('personal-data'), 1000);
    await page.keyboard.press('Control+Enter');
    await holdDialog(page).waitFor({ timeout: 2000 });
    assert.deepEqual(await postedTexts(page), []);
    await holdDialog(page).getByRole('button', { name: 'Post anyway' }).click();
    await page.waitForTimeout(400);
    assert.deepEqual(await postedTexts(page), [posts.breach.text]);
    await page.close();
  });

  test('Instagram comment: Enter with a holding finding is held; Escape is Edit post; a clean comment posts on Enter', async () => {
    const page = await openFixture(ext, 'https://www.instagram.com/p/abc/');
    const comment = networks[3];
    await typeInto(page, comment, posts.breach.text);
    await waitForCategories(page, (c) => c.includes('personal-data'), 1000);
    await page.keyboard.press('Enter');
    await holdDialog(page).waitFor({ timeout: 2000 });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    assert.equal(await holdDialog(page).count(), 0);
    assert.deepEqual(await postedTexts(page), []);
    assert.equal(await editorText(page, 1), posts.breach.text);
    await clearEditor(page, comment);
    await typeInto(page, comment, posts.clean.text);
    await page.waitForTimeout(400);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.deepEqual(await postedTexts(page), [posts.clean.text]);
    await page.close();
  });
});
