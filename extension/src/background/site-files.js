// site-files.js — loads extension/sites/*.json once per background lifetime.
// They are packaged files (fetched from the extension itself, never from the network).
import { api } from '../shared/browser-api.js';
import { siteIds, siteDataProblems } from '../shared/sites.js';

let sitesPromise = null;

export function loadSites() {
  sitesPromise ??= Promise.all(siteIds.map(async (id) => {
    const response = await fetch(api.runtime.getURL(`sites/${id}.json`));
    const site = await response.json();
    const problems = siteDataProblems(site);
    if (problems.length) throw new Error(`sites/${id}.json: ${problems.join('; ')}`);
    return site;
  }));
  return sitesPromise;
}
