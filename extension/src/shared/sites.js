// sites.js — per-network knowledge (extension/sites/*.json): which file applies to a page, and
// whether a file has the shape the content scripts rely on. Pure: the background loads the files,
// the content side only receives the one for its page.

export const siteIds = Object.freeze(['x', 'facebook', 'instagram', 'linkedin', 'generic']);

// The site whose hosts include `hostname` or one of its parent domains ("www.facebook.com" → facebook);
// the generic fallback otherwise.
export function siteForHostname(sites, hostname) {
  const host = String(hostname).toLowerCase();
  for (const site of sites) {
    if (site.hosts.some((h) => host === h || host.endsWith(`.${h}`))) return site;
  }
  return sites.find((s) => s.id === 'generic');
}

const isStringArray = (v) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s !== '');

// Every problem with a site file, as "path: what is wrong"; [] when it is well-formed.
// `isSelector` checks CSS syntax where a DOM is available (content/unit tests pass one in).
export function siteDataProblems(site, isSelector = () => true) {
  const problems = [];
  const need = (ok, path, what) => { if (!ok) problems.push(`${path}: ${what}`); };
  const selectors = (list, path) => {
    list.forEach((s, i) => need(isSelector(s), `${path}/${i}`, `not a valid CSS selector: ${s}`));
  };
  if (!site || typeof site !== 'object') return ['/: not an object'];
  const known = ['id', 'name', 'hosts', 'composeBoxes', 'postButtons', 'postShortcut', 'enterPosts', 'account', 'signUp'];
  for (const key of Object.keys(site)) need(known.includes(key), `/${key}`, 'unknown field');
  need(typeof site.id === 'string' && /^[a-z][a-z0-9-]*$/.test(site.id), '/id', 'lower-case identifier required');
  need(typeof site.name === 'string' && site.name !== '', '/name', 'display name required');
  need(isStringArray(site.hosts) || (Array.isArray(site.hosts) && site.hosts.length === 0), '/hosts', 'list of host names required');
  if (Array.isArray(site.hosts)) site.hosts.forEach((h, i) => need(/^[a-z0-9.-]+\.[a-z]+$/.test(h), `/hosts/${i}`, 'bare host name required'));
  need(isStringArray(site.composeBoxes) && site.composeBoxes.length > 0, '/composeBoxes', 'non-empty list of selectors required');
  if (isStringArray(site.composeBoxes)) selectors(site.composeBoxes, '/composeBoxes');
  need(Array.isArray(site.postButtons) && site.postButtons.length > 0, '/postButtons', 'non-empty list required');
  (Array.isArray(site.postButtons) ? site.postButtons : []).forEach((b, i) => {
    if (typeof b === 'string') { selectors([b], `/postButtons/${i}`); return; }
    const ok = b && typeof b.selector === 'string' && typeof b.text === 'string' && Object.keys(b).length === 2;
    need(ok, `/postButtons/${i}`, 'a selector or { selector, text }');
    if (ok) selectors([b.selector], `/postButtons/${i}/selector`);
  });
  need(['mod+enter', 'none'].includes(site.postShortcut), '/postShortcut', 'mod+enter or none');
  need(Array.isArray(site.enterPosts) && site.enterPosts.every((s) => typeof s === 'string'), '/enterPosts', 'list of selectors required');
  if (Array.isArray(site.enterPosts)) selectors(site.enterPosts, '/enterPosts');
  const a = site.account;
  need(a && typeof a === 'object', '/account', 'object required');
  if (a && typeof a === 'object') {
    need(Array.isArray(a.selectors) && a.selectors.every((s) => typeof s === 'string'), '/account/selectors', 'list of selectors required');
    if (Array.isArray(a.selectors)) selectors(a.selectors, '/account/selectors');
    need(['handle', 'display_name'].includes(a.match), '/account/match', 'handle or display_name');
    need(a.attribute === undefined || typeof a.attribute === 'string', '/account/attribute', 'attribute name');
  }
  const s = site.signUp;
  need(s && typeof s === 'object', '/signUp', 'object required');
  if (s && typeof s === 'object') {
    need(Array.isArray(s.paths) && s.paths.every((p) => typeof p === 'string' && p.startsWith('/')), '/signUp/paths', 'list of absolute paths');
    need(Array.isArray(s.nameFields) && s.nameFields.every((p) => typeof p === 'string'), '/signUp/nameFields', 'list of selectors');
    if (Array.isArray(s.nameFields)) selectors(s.nameFields, '/signUp/nameFields');
  }
  return problems;
}
