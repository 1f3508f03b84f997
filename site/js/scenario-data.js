// scenario-data.js — the shape of site/scenarios.json and the checks it must pass (used by the Practice
// page, by tools/build-site.mjs before it publishes the file, and by the tests). No DOM code here.
import { CATEGORIES, CLAUSE_IDS } from './categories.js';

export const NETWORKS = Object.freeze(['x', 'facebook', 'instagram', 'linkedin']);
export const MIN_SCENARIOS = 16;

// Returns a list of human-readable problems; empty when the data is good.
export function validateScenarios(data) {
  const errors = [];
  const scenarios = data?.scenarios;
  if (!Array.isArray(scenarios)) return ['"scenarios" must be an array'];
  if (scenarios.length < MIN_SCENARIOS) errors.push(`needs at least ${MIN_SCENARIOS} scenarios, has ${scenarios.length}`);
  const seen = new Set();
  scenarios.forEach((s, index) => {
    const where = `scenarios[${index}]${s?.id ? ` (${s.id})` : ''}`;
    const need = (condition, message) => { if (!condition) errors.push(`${where}: ${message}`); };
    need(typeof s.id === 'string' && /^[a-z0-9-]+$/.test(s.id), 'id must be lower-case words joined by dashes');
    need(!seen.has(s.id), 'id is not unique');
    seen.add(s.id);
    for (const field of ['title', 'author', 'situation', 'text', 'explanation']) {
      need(typeof s[field] === 'string' && s[field].trim().length > 0, `${field} must be a non-empty string`);
    }
    need(NETWORKS.includes(s.network), `network must be one of ${NETWORKS.join(', ')}`);
    need(s.account === 'personal' || s.account === 'charity', 'account must be "personal" or "charity"');
    need(typeof s.authorised === 'boolean', 'authorised must be true or false');
    need(s.verdict === 'ok' || s.verdict === 'change', 'verdict must be "ok" or "change"');
    need(Array.isArray(s.categories) && s.categories.every((c) => c in CATEGORIES), 'categories must list known categories');
    need(Array.isArray(s.clauses) && s.clauses.length > 0 && s.clauses.every((c) => CLAUSE_IDS.includes(c)),
      `clauses must list clause ids (${CLAUSE_IDS.join(', ')})`);
    if (s.verdict === 'ok') {
      need(s.categories?.length === 0, 'an "ok" scenario has no categories');
      need(s.rewrite === null, 'an "ok" scenario has rewrite null');
    } else {
      need(s.categories?.length > 0, 'a "change" scenario names the categories it breaches');
      need(typeof s.rewrite === 'string' && s.rewrite.trim().length > 0, 'a "change" scenario has a suggested rewrite');
    }
  });
  const covered = new Set(scenarios.flatMap((s) => s.categories ?? []));
  for (const category of Object.keys(CATEGORIES)) {
    if (!covered.has(category)) errors.push(`no scenario covers the category ${category}`);
  }
  for (const account of ['personal', 'charity']) {
    if (!scenarios.some((s) => s.account === account)) errors.push(`no scenario on a ${account} account`);
  }
  if (!scenarios.some((s) => s.verdict === 'ok')) errors.push('no scenario that is fine to post');
  return errors;
}
