// categories.js — how the eight policy categories and three severities are named to people.
export const categoryLabels = Object.freeze({
  'personal-data': 'Personal data',
  'client-confidentiality': 'Client confidentiality',
  'professional-boundaries': 'Professional boundaries',
  disrepute: 'Could bring the charity into disrepute',
  'work-grumble': 'Grumble about work',
  'speaking-for-charity': 'Speaking for the charity',
  'charity-account-misuse': "Use of the charity's account",
  security: 'Security',
});

export const severityLabels = Object.freeze({ block: 'Must fix', warn: 'Check this', info: 'Note' });

export function categoryLabel(category) {
  return categoryLabels[category] ?? category;
}
