// categories.js — plain-English names for the checker's categories and severities, and the link from a
// clause id ("4c") to its anchor on the policy page. Shared by every page and by tools/build-site.mjs,
// so it must stay free of DOM code.

// The eight categories of the core (core/policies/README.md), with the clause each mostly enforces.
export const CATEGORIES = Object.freeze({
  'personal-data': {
    label: 'Personal data',
    short: 'Contact details or identifiers of a person: phone numbers, emails, addresses, NHS or NI numbers.',
    clauses: ['4c'],
  },
  'client-confidentiality': {
    label: 'Client confidentiality',
    short: 'A carer or the person they care for can be identified, together with private details.',
    clauses: ['4c'],
  },
  'professional-boundaries': {
    label: 'Professional boundaries',
    short: 'Inviting carers or families into personal contact outside the charity.',
    clauses: ['4c'],
  },
  disrepute: {
    label: 'Could bring the charity into disrepute',
    short: 'Swearing, abuse, threats, discrimination or mocking the people we support.',
    clauses: ['4b', '4c', '5'],
  },
  'work-grumble': {
    label: 'Letting off steam about work',
    short: 'Grumbling about work, colleagues, managers, pay or the charity.',
    clauses: ['4c'],
  },
  'speaking-for-charity': {
    label: 'Speaking for the charity',
    short: 'A personal post that reads as the charity’s position, without saying it is your own view.',
    clauses: ['4c'],
  },
  'charity-account-misuse': {
    label: 'Charity account use',
    short: 'On the charity’s accounts: personal opinions, party politics, selling, or posting without authorisation.',
    clauses: ['4a', '4b'],
  },
  security: {
    label: 'Security',
    short: 'Passwords, codes, logins, keys and internal or shared-document links.',
    clauses: ['3'],
  },
});

// Severities, most serious first. "block" findings are the ones the extension holds a post for.
export const SEVERITIES = Object.freeze({
  block: { label: 'Must fix', rank: 3 },
  warn: { label: 'Warning', rank: 2 },
  info: { label: 'Note', rank: 1 },
});

// The clause anchors on the policy page: #clause-1 … #clause-4, #clause-4a, #clause-4b, #clause-4c, #clause-5.
export const CLAUSE_IDS = Object.freeze(['1', '2', '3', '4', '4a', '4b', '4c', '5']);

// "4c", "4(c)", "4 c", "4C" all become "4c"; unknown shapes are returned lower-cased without spaces.
export function normaliseClause(clause) {
  return String(clause ?? '').toLowerCase().replace(/[\s().]/g, '');
}

export function clauseHref(clause, policyPage = 'policy.html') {
  return `${policyPage}#clause-${normaliseClause(clause)}`;
}

export function clauseLabel(clause) {
  const id = normaliseClause(clause);
  const match = /^(\d+)([a-z]?)$/.exec(id);
  return match ? `Clause ${match[1]}${match[2] ? `(${match[2]})` : ''}` : `Clause ${id}`;
}

export function categoryLabel(category) {
  return CATEGORIES[category]?.label ?? category;
}

export function severityLabel(severity) {
  return SEVERITIES[severity]?.label ?? severity;
}
