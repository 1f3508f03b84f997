// harness.mjs — launches real Chromium with the built extension and serves the fixture pages at the
// networks' real addresses (context.route) with a strict CSP, as the networks send. Every request
// that is not a fixture goes to a local recording proxy that refuses it, so tests can prove that
// nothing leaves the browser.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..', '..');
const fixtures = join(here, 'fixtures');
export const strictCsp = "script-src 'self'; object-src 'none'; base-uri 'self'";

// Builds the extension once per test process into a private directory (tests never share a build).
let built = null;
export function buildExtension() {
  if (built) return built;
  const out = mkdtempSync(join(tmpdir(), 'postcheck-e2e-build-'));
  const args = [join(repo, 'tools', 'build-extension.mjs'), '--out', out];
  // POSTCHECK_E2E_LIB points at another build of dist/lib (e.g. a Debug wasm); default: dist/lib.
  if (process.env.POSTCHECK_E2E_LIB) args.push('--lib', process.env.POSTCHECK_E2E_LIB);
  execFileSync(process.execPath, args, { stdio: 'pipe' });
  built = { dir: join(out, 'extension'), root: out };
  process.on('exit', () => rmSync(out, { recursive: true, force: true }));
  return built;
}

// A proxy that records what would have gone to the network and refuses it.
function recordingProxy() {
  const attempts = [];
  const server = createServer((socket) => {
    socket.once('data', (chunk) => {
      attempts.push(chunk.toString('latin1').split('\r\n')[0]);
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    });
    socket.on('error', () => {});
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, attempts, port: server.address().port })));
}

const pages = {
  'x.com': 'x.html', 'twitter.com': 'x.html', 'www.facebook.com': 'facebook.html',
  'www.instagram.com': 'instagram.html', 'www.linkedin.com': 'linkedin.html',
};
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
// A fixture's body and content type, as both browsers' harnesses serve it.
export function fixtureBody(name) {
  return { body: readFileSync(join(fixtures, name)), contentType: `${types[extname(name)] ?? 'text/plain'}; charset=utf-8` };
}

// The fixture file a request to the networks' addresses is answered with, or null (404).
export function fixtureFor(url) {
  const u = new URL(url);
  if (u.pathname.startsWith('/__fixture__/')) return u.pathname.slice('/__fixture__/'.length);
  if (u.hostname === 'www.facebook.com' && u.pathname.startsWith('/pages/create')) return 'signup.html';
  if (u.pathname === '/favicon.ico') return null;
  return pages[u.hostname] ?? null;
}

export async function launchExtension({ extensionDir } = {}) {
  const dir = extensionDir ?? buildExtension().dir;
  const proxy = await recordingProxy();
  const userDataDir = mkdtempSync(join(tmpdir(), 'postcheck-e2e-profile-'));
  // No speculative preconnects: then every connection the proxy sees is a real request.
  mkdirSync(join(userDataDir, 'Default'));
  writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ net: { network_prediction_options: 2 } }));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1000, height: 800 },
    args: [
      `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-dev-shm-usage', `--proxy-server=http://127.0.0.1:${proxy.port}`, '--proxy-bypass-list=<-loopback>',
    ],
  });
  const served = [];
  for (const host of Object.keys(pages)) {
    await context.route(`https://${host}/**`, async (route) => {
      const name = fixtureFor(route.request().url());
      if (!name) { await route.fulfill({ status: 404, body: '' }); return; }
      served.push(route.request().url());
      const { body, contentType } = fixtureBody(name);
      await route.fulfill({
        status: 200,
        headers: { 'content-type': contentType, 'content-security-policy': strictCsp },
        body,
      });
    });
  }
  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 10000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context, extensionId, proxyAttempts: proxy.attempts, served,
    worker: () => context.serviceWorkers()[0],
    async close() {
      await context.close();
      proxy.server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function openFixture(ext, url) {
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => Array.isArray(window.fixtureEditors));
  // The extension is ready once its root is in the page (content script loaded, policy received).
  // Generous: on a loaded 2-core machine the worker's first engine start can take several seconds,
  // and the content script asks again with growing pauses.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-postcheck-root]')].some((e) => e.shadowRoot),
    null, { timeout: 60000 });
  return page;
}

// What the extension drew: one entry per underline element (a finding may wrap onto several lines).
export function underlines(page) {
  return page.evaluate(() => {
    const root = [...document.querySelectorAll('[data-postcheck-root]')].find((e) => e.shadowRoot);
    if (!root) return [];
    return [...root.shadowRoot.querySelectorAll('.underline[data-finding-category]')].map((u) => ({
      category: u.getAttribute('data-finding-category'), severity: u.getAttribute('data-finding-severity'),
      rule: u.getAttribute('data-finding-rule'),
    }));
  });
}

export async function categories(page) {
  return [...new Set((await underlines(page)).map((u) => u.category))].sort();
}

// Waits until the drawn categories satisfy `predicate`; returns them (or throws after `timeout` ms).
export async function waitForCategories(page, predicate, timeout = 2000) {
  const started = Date.now();
  for (;;) {
    const found = await categories(page);
    if (predicate(found)) return found;
    if (Date.now() - started > timeout) throw new Error(`categories never matched; last seen: ${JSON.stringify(found)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));  // Playwright or puppeteer page
  }
}

export function editorText(page, index = 0) {
  return page.evaluate((i) => window.fixtureEditors[i].text, index);
}

export function postedTexts(page) {
  return page.evaluate(() => [...document.querySelectorAll('#posted li')].map((li) => li.textContent));
}

// The hold dialog as the test contract names it.
export function holdDialog(page) {
  return page.locator('[data-postcheck-root] [role="dialog"][data-postcheck-dialog]');
}

export async function sendToBackground(ext, message) {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/ui/popup/popup.html`);
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  await page.close();
  return reply;
}
