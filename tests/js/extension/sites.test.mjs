// sites.test.mjs — every extension/sites/*.json has the shape the content scripts rely on, its hosts
// are covered by the manifest, and pages map to the right file.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { siteDataProblems, siteForHostname, siteIds } from '../../../extension/src/shared/sites.js';

const dir = new URL('../../../extension/sites/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const sites = files.map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
const base = JSON.parse(readFileSync(new URL('../../../extension/manifest/base.json', import.meta.url), 'utf8'));

test('there is one file per known site id, named after its id', () => {
  assert.deepEqual(files, [...siteIds].sort().map((id) => `${id}.json`));
  for (const [i, site] of sites.entries()) assert.equal(`${site.id}.json`, files[i]);
});

for (const [i, site] of sites.entries()) {
  test(`${files[i]} is well-formed`, () => {
    assert.deepEqual(siteDataProblems(site), []);
  });
}

test('the shape check catches broken files', () => {
  const good = sites.find((s) => s.id === 'x');
  assert.deepEqual(siteDataProblems(good), []);
  assert.match(siteDataProblems({ ...good, composeBoxes: [] }).join(), /composeBoxes/);
  assert.match(siteDataProblems({ ...good, postButtons: [{ selector: 'div' }] }).join(), /postButtons\/0/);
  assert.match(siteDataProblems({ ...good, surprise: 1 }).join(), /surprise: unknown field/);
  assert.match(siteDataProblems({ ...good, account: { selectors: [], match: 'email' } }).join(), /account\/match/);
  assert.match(siteDataProblems({ ...good, signUp: { paths: ['pages'], nameFields: [] } }).join(), /signUp\/paths/);
  assert.match(siteDataProblems(good, (s) => !s.includes('tweetButton')).join(), /not a valid CSS selector/);
});

test('every network host is in the manifest host permissions and content-script matches', () => {
  const hosts = sites.flatMap((s) => s.hosts);
  assert.deepEqual([...hosts].sort(), ['facebook.com', 'instagram.com', 'linkedin.com', 'twitter.com', 'x.com']);
  for (const host of hosts) {
    assert.ok(base.host_permissions.includes(`https://*.${host}/*`), host);
    assert.ok(base.content_scripts[0].matches.includes(`https://*.${host}/*`), host);
  }
});

test('pages map to their network, subdomains included, and other sites to the generic file', () => {
  assert.equal(siteForHostname(sites, 'x.com').id, 'x');
  assert.equal(siteForHostname(sites, 'mobile.twitter.com').id, 'x');
  assert.equal(siteForHostname(sites, 'www.facebook.com').id, 'facebook');
  assert.equal(siteForHostname(sites, 'WWW.LINKEDIN.COM').id, 'linkedin');
  assert.equal(siteForHostname(sites, 'www.instagram.com').id, 'instagram');
  assert.equal(siteForHostname(sites, 'notfacebook.com').id, 'generic');
  assert.equal(siteForHostname(sites, 'mastodon.social').id, 'generic');
});

test('a network the user adds becomes exactly one https origin pattern', async () => {
  const { originPatternFor, extraOrigins, builtInOrigins } = await import('../../../extension/src/shared/extra-sites.js');
  assert.equal(originPatternFor('mastodon.social'), 'https://mastodon.social/*');
  assert.equal(originPatternFor(' https://Bsky.App/profile/x '), 'https://bsky.app/*');
  assert.equal(originPatternFor('http://example.org'), null);
  assert.equal(originPatternFor('*'), null);
  assert.equal(originPatternFor('https://*.example.org'), null);
  assert.equal(originPatternFor('localhost'), null);
  assert.equal(originPatternFor('user@evil.example:8080'), null);
  assert.deepEqual(extraOrigins([...builtInOrigins, 'https://mastodon.social/*', 'https://*/*']), ['https://mastodon.social/*']);
  assert.deepEqual(builtInOrigins, base.host_permissions);
});
