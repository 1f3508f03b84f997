// pages.test.mjs — every page of the training site in real Chromium: no console errors, no requests
// off the site, no serious/critical axe-core violations, no sideways scrolling at 360 px, the policy's
// clause anchors, and keyboard access to the main content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite } from './helpers/site-server.mjs';
import { launchBrowser, openPage, seriousAxeViolations } from './helpers/browser.mjs';

const PAGES = ['index.html', 'policy.html', 'try.html', 'practice.html', 'install.html'];
const CLAUSE_ANCHORS = ['clause-1', 'clause-2', 'clause-3', 'clause-4', 'clause-4a', 'clause-4b', 'clause-4c', 'clause-5'];

let site;
let browser;

before(async () => {
  site = await startTestSite();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('every page, at 1280 px and at 360 px: no errors, nothing external, accessible, no sideways scroll', async () => {
  const { page, context, problems } = await openPage(browser, site.origin, { viewport: { width: 1280, height: 800 } });
  for (const name of PAGES) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site.origin}/${name}`, { waitUntil: 'networkidle' });
    if (name !== 'index.html') assert.equal(await page.getAttribute(`.site-nav a[href="${name}"]`, 'aria-current'), 'page');
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      assert.deepEqual(await seriousAxeViolations(page), [], `${name} at ${width} px: axe`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} at ${width} px is ${overflow}px wider than the window`);
    }
  }
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.externalRequests, []);
  assert.deepEqual(problems.failedRequests, []);
  await context.close();
});

test('the policy page has every clause anchor, reachable by link, with its plain-English guide', async () => {
  const { page, context } = await openPage(browser, site.origin);
  for (const anchor of CLAUSE_ANCHORS) {
    await page.goto(`${site.origin}/policy.html#${anchor}`);
    assert.equal(await page.locator(`#${anchor}`).count(), 1, anchor);
    assert.equal(await page.evaluate((id) => document.querySelector(':target')?.id, anchor), anchor);
    const guide = page.locator(`#${anchor} > .clause-body > .clause-guide`);
    assert.equal(await guide.count(), 1, `${anchor} guide`);
    assert.ok((await guide.locator('.guide-do li').count()) > 0 && (await guide.locator('.guide-dont li').count()) > 0);
  }
  assert.match(await page.textContent('#clause-4c'), /Social media is not the place to let off steam/);
  await context.close();
});

test('keyboard: the first Tab reaches the skip link, which moves focus to the main content', async () => {
  const { page, context } = await openPage(browser, site.origin);
  await page.goto(`${site.origin}/try.html`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  // From the main content, the keyboard reaches the switches and then the compose box.
  const order = [];
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName));
  }
  // The account radio group, the authorised switch, its clause link, the network group, the post, Post.
  assert.deepEqual(order, ['account-personal', 'authorised', 'A', 'network-x', 'post-text', 'post-button']);
  await context.close();
});
