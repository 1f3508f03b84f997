// firefox-harness.mjs — launches real Firefox (Debian's firefox-esr) through puppeteer-core's WebDriver
// BiDi, installs the Firefox build of the extension as a temporary add-on (its background is an event
// page running the wasm core, not a service worker), and serves the same fixture pages as harness.mjs at
// the networks' real addresses, with the same strict CSP. Any page request that is not a fixture is
// refused and recorded, so a test can prove that nothing the page or the content script did left the browser.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { categories, repo, strictCsp } from './harness.mjs';

export { underlines } from './harness.mjs';

export const firefoxPath = '/usr/bin/firefox-esr';
const fixtures = join(repo, 'tests', 'e2e', 'extension', 'fixtures');
const pages = { 'x.com': 'x.html', 'www.linkedin.com': 'linkedin.html' };
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

// Builds the extension into a private directory and returns the unpacked Firefox build.
function buildFirefoxExtension() {
  const out = mkdtempSync(join(tmpdir(), 'postcheck-e2e-firefox-build-'));
  const args = [join(repo, 'tools', 'build-extension.mjs'), '--out', out];
  if (process.env.POSTCHECK_E2E_LIB) args.push('--lib', process.env.POSTCHECK_E2E_LIB);
  execFileSync(process.execPath, args, { stdio: 'pipe' });
  const dir = join(out, 'extension-firefox');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no Firefox build in ${out}`);
  return { dir, root: out };
}

function fixtureFor(url) {
  const u = new URL(url);
  if (u.protocol !== 'https:') return null;
  if (u.pathname.startsWith('/__fixture__/')) return u.pathname.slice('/__fixture__/'.length);
  return pages[u.hostname] ?? null;
}

export async function launchFirefoxExtension() {
  const build = buildFirefoxExtension();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    defaultViewport: { width: 1000, height: 800 },
  });
  const addonId = await browser.installExtension(build.dir);
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
        request.respond({
          status: 200,
          headers: { 'content-security-policy': strictCsp },
          contentType: `${types[extname(name)] ?? 'text/plain'}; charset=utf-8`,
          body: readFileSync(join(fixtures, name)),
        });
      });
      await page.goto(url);
      await pollPage(page, () => Array.isArray(window.fixtureEditors), 30000);
      // Ready once the content script has drawn its root (it asked the background script for the policy).
      await pollPage(page, () => [...document.querySelectorAll('[data-postcheck-root]')].some((e) => e.shadowRoot), 60000);
      return page;
    },
    async close() {
      await browser.close();
      rmSync(build.root, { recursive: true, force: true });
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

// Waits until the drawn categories (sorted, distinct) satisfy `predicate`; returns them or throws.
export async function waitForCategories(page, predicate, timeout = 5000) {
  const started = Date.now();
  for (;;) {
    const found = await categories(page);  // page.evaluate() reads the same in puppeteer as in Playwright
    if (predicate(found)) return found;
    if (Date.now() - started > timeout) throw new Error(`categories never matched; last seen: ${JSON.stringify(found)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
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
