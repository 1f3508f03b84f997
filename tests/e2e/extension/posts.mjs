// posts.mjs — the example posts the e2e tests type, with what the default policy must say about them.
// Kept in one place so a policy change that moves a category is fixed once.
export const posts = {
  // A mobile number: personal-data, a holding (block) severity.
  breach: { text: 'Ring me on 07700 900123 after the meeting', categories: ['personal-data'] },
  // Nothing the policy cares about.
  clean: { text: 'Lovely afternoon at the Carers Week picnic in Bedford Park today.', categories: [] },
  // A stance read as the employer's (speaking-for-charity, warn) whose Fix appends a disclaimer.
  fixable: { text: 'My employer fully backs the junior doctors strike and so should you', category: 'speaking-for-charity',
    fixed: 'My employer fully backs the junior doctors strike and so should you (Views my own.)' },
  // Masked profanity (disrepute, block) whose Fix replaces the word with its masked form.
  masked: { text: 'What a f*cking brilliant day', category: 'disrepute', fixed: 'What a ******* brilliant day' },
  // Party politics: only a rule for the charity's account (clause 4b) fires.
  politics: { text: 'Reform UK are the only ones talking sense on immigration.', category: 'charity-account-misuse' },
};
// A grumble about work: a `warn` rule (shown, never holds the post), so it may be switched off.
posts.grumble = { text: 'Another pointless all-staff meeting, my manager is useless. Bureaucracy gone mad', category: 'work-grumble' };
