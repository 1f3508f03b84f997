// firefox-harness.mjs — launches real Firefox (Debian's firefox-esr) through puppeteer-core's WebDriver
// BiDi, installs the Firefox build of the extension as a temporary add-on (its background is an event
// page running the wasm core, not a service worker), and serves the same fixture pages as harness.mjs at
// the networks' real addresses, with the same strict CSP. Any page request that is not a fixture is
// refused and recorded, so a test can prove that nothing the page or the content script did left the browser.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { buildExtension, fixtureBody, fixtureFor, strictCsp } from './harness.mjs';

export { underlines, waitForCategories } from './harness.mjs';

export const firefoxPath = '/usr/bin/firefox-esr';

export async function launchFirefoxExtension() {
  // buildExtension() builds every browser's flavour into one private folder (removed at exit).
  const dir = join(buildExtension().root, 'extension-firefox');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no Firefox build in ${dir}`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    defaultViewport: { width: 1000, height: 800 },
  });
  const addonId = await browser.installExtension(dir);
  const refused = [];
  const served = [];
  return {
    browser, addonId, refused, served,
    async openFixture(url) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        // data: and blob: URLs are read inside the browser: nothing to refuse.
        if (!/^(https?|wss?):/.test(request.url())) {
          request.continue();
          return;
        }
        // The browser's own favicon probe is not the page's doing: answered, not counted.
        if (new URL(request.url()).pathname === '/favicon.ico') {
          request.respond({ status: 404, body: '' });
          return;
        }
        const name = fixtureFor(request.url());
        if (!name) {
          refused.push(request.url());
          request.respond({ status: 404, body: '' });
          return;
        }
        served.push(request.url());
        const { body, contentType } = fixtureBody(name);
        request.respond({ status: 200, headers: { 'content-security-policy': strictCsp }, contentType, body });
      });
      await page.goto(url);
      await pollPage(page, () => Array.isArray(window.fixtureEditors), 30000);
      // Ready once the content script has drawn its root (it asked the background script for the policy).
      await pollPage(page, () => [...document.querySelectorAll('[data-postcheck-root]')].some((e) => e.shadowRoot), 60000);
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}

// Evaluates `predicate` in the page every 50 ms until it is true (or throws after `timeout` ms). Plain
// polling rather than waitForFunction: the latter failed at once over Firefox ESR 140's WebDriver BiDi.
export async function pollPage(page, predicate, timeout) {
  const started = Date.now();
  for (;;) {
    if (await page.evaluate(predicate).catch(() => false)) return;
    if (Date.now() - started > timeout) throw new Error(`page never satisfied ${predicate}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// The hold dialog (inside the extension's shadow root): its buttons' labels, or null when none is open.
export function holdDialogButtons(page) {
  return page.evaluate(() => {
    const root = [...document.querySelectorAll('[data-postcheck-root]')].find((e) => e.shadowRoot);
    const dialog = root?.shadowRoot.querySelector('[role="dialog"][data-postcheck-dialog]');
    return dialog ? [...dialog.querySelectorAll('button')].map((b) => b.textContent.trim()) : null;
  });
}
