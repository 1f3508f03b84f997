// accounts-and-settings.test.mjs — clause 4a and the user's settings, end to end: the account chip
// switches the rules; an unauthorised charity account is warned about at once; the sign-up reminder;
// per-site on/off and ignored rules (undoable) from the popup; the card by keyboard, with screen-reader
// announcements.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { categories, editorText, launchExtension, openFixture, underlines, waitForCategories } from './harness.mjs';
import { posts } from './posts.mjs';

let ext;
before(async () => { ext = await launchExtension(); });
after(async () => { await ext?.close(); });

async function popup() {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/ui/popup/popup.html`);
  await page.locator('[data-testid="policy-name"]').waitFor();
  return page;
}

function chip(page) {
  return page.locator('[data-postcheck-root] button.chip');
}

// The live region's text once it has settled (announcements are cleared, then set, so that a
// repeated message is read again).
async function announcement(page) {
  const read = () => page.evaluate(() => [...document.querySelectorAll('[data-postcheck-root]')].find((e) => e.shadowRoot)
    .shadowRoot.querySelector('[role="status"]').textContent);
  for (let i = 0; i < 50; i += 1) {
    const text = await read();
    if (text) return text;
    await page.waitForTimeout(20);
  }
  return read();
}

test('popup shows the policy in force and the training link', async () => {
  const p = await popup();
  assert.match(await p.locator('[data-testid="policy-name"]').textContent(), /Carers in Bedfordshire social media policy — version \S+/);
  assert.match(await p.locator('[data-testid="training-link"]').getAttribute('href'), /^chrome-extension:\/\/[a-z]+\/site\/index\.html$/);
  assert.equal(await p.locator('[data-testid="working-hours"]').isChecked(), false, 'working-hours reminder is off by default');
  await p.close();
});

test('the bundled training page runs its checker under the extension\'s CSP, with no console errors', async () => {
  const page = await ext.context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`chrome-extension://${ext.extensionId}/site/try.html`);
  await page.waitForSelector('html[data-checker-ready-ms]', { timeout: 10_000 });
  // The site's inlined engine start became a file: extension pages refuse inline scripts.
  assert.equal(await page.locator('script[data-engine-start]').count(), 0);
  assert.equal(await page.locator('script[src="js/engine-start.js"]').count(), 1);
  await page.fill('[data-postcheck-demo]', 'Ring me on 07700 900283');
  await page.waitForSelector('[data-finding-category="personal-data"]');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the account chip switches the rules, and an unauthorised charity account is warned at once', async () => {
  const page = await openFixture(ext, 'https://x.com/home?as=charity');
  await page.locator('#editor').click();
  // Not authorised (nothing ticked): the chip says so as soon as the box has focus.
  await chip(page).waitFor();
  assert.match(await chip(page).textContent(), /Posting as: Carers in Bedfordshire — not authorised/);
  assert.match(await announcement(page), /not list you as an authorised user/);
  await page.keyboard.type(posts.politics.text);
  await waitForCategories(page, (c) => c.includes('charity-account-misuse'), 1000);
  assert.ok((await underlines(page)).some((u) => u.rule === 'charity-account-unauthorised'));

  // Authorise the X account in the popup: the unauthorised rule goes, the 4b politics rule stays.
  const p = await popup();
  await p.locator('input[data-account="x:@carersinbeds"]').check();
  await p.close();
  await page.waitForFunction(() => {
    const root = [...document.querySelectorAll('[data-postcheck-root]')].find((e) => e.shadowRoot);
    const rules = [...root.shadowRoot.querySelectorAll('.underline')].map((u) => u.dataset.findingRule);
    return rules.length > 0 && !rules.includes('charity-account-unauthorised');
  }, null, { timeout: 3000 });
  assert.deepEqual(await categories(page), [posts.politics.category]);
  assert.match(await chip(page).textContent(), /^Posting as: Carers in Bedfordshire$/);

  // The user corrects the chip: personal rules apply, the charity-account rule goes away.
  await chip(page).click();
  assert.match(await chip(page).textContent(), /Posting as: personal/);
  await waitForCategories(page, (c) => !c.includes('charity-account-misuse'), 1000);
  await chip(page).click();
  await waitForCategories(page, (c) => c.includes('charity-account-misuse'), 1000);
  assert.equal(await editorText(page), posts.politics.text, 'switching accounts never touches the text');
  await page.close();
});

test('typing the charity name as a new page name shows the clause 4a reminder', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://www.facebook.com/pages/create/?ref=bookmarks');
  await page.locator('#page-name').click();
  await page.keyboard.type('Carers in Beds Volunteers');
  const note = page.locator('[data-postcheck-root] [data-postcheck-note]');
  await note.waitFor({ timeout: 2000 });
  assert.match(await note.textContent(), /only authorised users may create a new social media account in the charity’s name/);
  assert.match(await note.textContent(), /Community Engagement Lead/);
  assert.equal(await page.locator('#page-name').inputValue(), 'Carers in Beds Volunteers');
  await page.close();
});

test('keyboard: Alt+Shift+F opens the card on the finding, Escape returns to the text', async () => {
  const page = await openFixture(ext, 'https://x.com/home');
  await page.locator('#editor').click();
  await page.keyboard.type(posts.breach.text);
  await waitForCategories(page, (c) => c.length > 0, 1000);
  assert.match(await announcement(page), /PostCheck: 1 thing to check: Personal data/);
  await page.keyboard.press('Alt+Shift+F');
  const card = page.locator('[data-postcheck-root] [data-postcheck-card]');
  await card.waitFor({ timeout: 1000 });
  assert.equal(await card.getAttribute('data-finding-category'), 'personal-data');
  assert.match(await card.textContent(), /clause 4c/);
  const focused = await page.evaluate(() => [...document.querySelectorAll('[data-postcheck-root]')].find((e) => e.shadowRoot)
    .shadowRoot.activeElement?.textContent);
  assert.equal(focused, 'Ignore once', 'focus moves into the card (no Fix for this finding)');
  assert.ok(await card.getByRole('link', { name: 'Ask the Communications Officer' }).getAttribute('href')
    .then((h) => h.startsWith('mailto:comms@carersinbeds.org.uk?subject=')));
  await page.keyboard.press('Escape');
  assert.equal(await card.count(), 0);
  assert.ok(await page.locator('#editor').evaluate((e) => e.matches(':focus')));
  // Ignore once hides that finding, and only that one.
  await page.keyboard.press('Alt+Shift+F');
  await card.getByRole('button', { name: 'Ignore once' }).press('Enter');
  await page.waitForTimeout(200);
  assert.deepEqual(await categories(page), []);
  assert.equal(await editorText(page), posts.breach.text);
  await page.close();
});

test('per-site off in the popup stops checking on that network; on again restarts it', async () => {
  const page = await openFixture(ext, 'https://www.linkedin.com/feed/');
  const p = await popup();
  await p.locator('input[data-site="linkedin"]').uncheck();
  await page.waitForFunction(() => !document.querySelector('[data-postcheck-root]'), null, { timeout: 3000 });
  await page.locator('#editor').click();
  await page.keyboard.type(posts.breach.text);
  await page.waitForTimeout(500);
  assert.deepEqual(await categories(page), []);
  await p.locator('input[data-site="linkedin"]').check();
  await waitForCategories(page, (c) => c.includes('personal-data'), 3000);
  await p.close();
  await page.close();
});

test('a warn rule can be stopped from the card and shown again from the popup', async () => {
  const page = await openFixture(ext, 'https://x.com/home');
  await page.locator('#editor').click();
  await page.keyboard.type(posts.grumble.text);
  await waitForCategories(page, (c) => c.includes(posts.grumble.category), 1000);
  const rules = async () => (await underlines(page)).map((u) => u.rule);
  const waitForRules = async (predicate) => {
    for (let i = 0; !predicate(await rules()); i += 1) {
      if (i > 150) throw new Error(`rules never matched: ${await rules()}`);
      await page.waitForTimeout(20);
    }
  };
  await page.keyboard.press('Home');
  await page.keyboard.press('Alt+Shift+F');
  const card = page.locator('[data-postcheck-root] [data-postcheck-card]');
  await card.waitFor();
  const rule = await card.evaluate((c) => c.closest('[data-postcheck-card]') && c.ownerDocument && c.getRootNode().host
    && [...c.getRootNode().querySelectorAll('.underline.current')].map((u) => u.dataset.findingRule)[0]);
  assert.ok(rule?.startsWith('work-grumble'), `card opened on ${rule}`);
  await card.locator('button.ignore-rule').click();
  await waitForRules((r) => !r.includes(rule));
  assert.ok((await rules()).length > 0, 'other rules still show');
  const p = await popup();
  await p.locator(`button[data-undo-rule="${rule}"]`).click();
  await waitForRules((r) => r.includes(rule));
  assert.equal(await p.locator(`button[data-undo-rule="${rule}"]`).count(), 0);
  await p.close();
  await page.close();
});
