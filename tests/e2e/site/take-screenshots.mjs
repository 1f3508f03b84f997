#!/usr/bin/env node
// take-screenshots.mjs — refreshes docs/screenshots/site-*.png (the README shows them): the Try it demo
// with findings, a Practice scenario after answering, and the policy page. Not a test; run by hand:
//   node tests/e2e/site/take-screenshots.mjs
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startTestSite, repoRoot } from './helpers/site-server.mjs';
import { launchBrowser, openPage } from './helpers/browser.mjs';

const outDir = path.join(repoRoot, 'docs', 'screenshots');
await mkdir(outDir, { recursive: true });
const site = await startTestSite();
const browser = await launchBrowser();
try {
  const shot = async (name, width, height, prepare) => {
    const { page, context } = await openPage(browser, site.origin, { viewport: { width, height } });
    await prepare(page);
    await page.screenshot({ path: path.join(outDir, `site-${name}.png`) });
    await context.close();
    console.log(`docs/screenshots/site-${name}.png`);
  };

  await shot('try-it', 1280, 1000, async (page) => {
    await page.goto(`${site.origin}/try.html`);
    await page.waitForSelector('html[data-checker-ready-ms]');
    await page.fill('[data-postcheck-demo]', 'So proud of Mrs Patel from Luton, who has looked after her husband since his '
      + 'dementia diagnosis. Anyone who can give her a lift on Friday, her mobile is 07700 900123. What a sh1t week she’s had!');
    await page.locator('#post-text').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.querySelector('.try-layout').offsetTop - 16));
    await page.waitForTimeout(800);  // the live region's pause
  });

  await shot('try-it-phone', 360, 800, async (page) => {
    await page.goto(`${site.origin}/try.html`);
    await page.waitForSelector('html[data-checker-ready-ms]');
    await page.click('button[data-example-id="stance"]');
    await page.evaluate(() => window.scrollTo(0, document.getElementById('composer').offsetTop - 8));
  });

  await shot('practice', 1280, 1150, async (page) => {
    await page.goto(`${site.origin}/practice.html#thank-you-named-carer`);
    await page.waitForSelector('html[data-checker-ready-ms]');
    await page.waitForFunction(() => document.getElementById('scenario-title').textContent.startsWith('A thank-you'));
    await page.click('button[data-answer="ok"]');
    await page.evaluate(() => window.scrollTo(0, document.querySelector('.practice-progress').offsetTop - 16));
  });

  await shot('policy', 1280, 900, async (page) => {
    await page.goto(`${site.origin}/policy.html#clause-4c`);
  });
} finally {
  await browser.close();
  await site.close();
}
