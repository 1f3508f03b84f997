// settings.test.mjs — user settings are normalised, managed values win, bad managed values are dropped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  accountKey, defaultSettings, effectiveSettings, isWithinWorkingHours, normaliseManaged, normaliseSettings,
} from '../../../extension/src/shared/settings.js';

const policy = {
  contacts: { communications_officer: { role: 'Communications Officer', email: 'comms@example.org' } },
  holdSeverities: ['block'],
};

test('nothing stored gives the defaults, with the working-hours reminder off', () => {
  const s = normaliseSettings(undefined);
  assert.deepEqual(s, { ...defaultSettings, workingHours: { ...defaultSettings.workingHours } });
  assert.equal(s.workingHours.enabled, false);
});

test('stored junk is cleaned, not trusted', () => {
  const s = normaliseSettings({ authorisedAccounts: ['X:@CarersInBeds', 3, '', 'x:@carersinbeds'], ignoredRules: 'all',
    workingHours: { enabled: 'yes', start: '25:00', end: '17:30', days: [1, 9, 1] } });
  assert.deepEqual(s.authorisedAccounts, ['x:@carersinbeds']);
  assert.deepEqual(s.ignoredRules, []);
  assert.deepEqual(s.workingHours, { enabled: false, start: '09:00', end: '17:30', days: [1] });
});

test('account keys compare handles case-insensitively', () => {
  assert.equal(accountKey('X', ' @CarersinBeds '), 'x:@carersinbeds');
});

test('managed values win over the user and the policy', () => {
  const e = effectiveSettings(
    { authorisedAccounts: ['x:@carersinbeds'], ignoredRules: ['r1'] },
    { authorisedAccounts: [], holdSeverities: ['block', 'warn'], contacts: { communications_officer: { role: 'Comms', email: 'c@org.uk' } } },
    policy,
  );
  assert.deepEqual(e.authorisedAccounts, []);
  assert.equal(e.authorisedAccountsManaged, true);
  assert.deepEqual(e.holdSeverities, ['block', 'warn']);
  assert.equal(e.contacts.communications_officer.email, 'c@org.uk');
  assert.deepEqual(e.ignoredRules, ['r1']);
});

test('without managed values the user and the policy decide', () => {
  const e = effectiveSettings({ authorisedAccounts: ['x:@carersinbeds'] }, {}, policy);
  assert.deepEqual(e.authorisedAccounts, ['x:@carersinbeds']);
  assert.equal(e.authorisedAccountsManaged, false);
  assert.deepEqual(e.holdSeverities, ['block']);
  assert.equal(e.contacts.communications_officer.email, 'comms@example.org');
});

test('invalid managed values are dropped', () => {
  assert.deepEqual(normaliseManaged({ policy: '  ', holdSeverities: ['urgent', 'warn'], contacts: { x: { role: 'R', email: 'nope' } }, extra: 1 }),
    { holdSeverities: ['warn'] });
  assert.equal(normaliseManaged({ policy: { name: 'P' } }).policy, '{"name":"P"}');
});

test('working hours: days, times and overnight spans', () => {
  const wh = { enabled: true, start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };
  assert.equal(isWithinWorkingHours(wh, new Date(2026, 10, 23, 10, 0)), true);   // Monday 10:00
  assert.equal(isWithinWorkingHours(wh, new Date(2026, 10, 23, 17, 0)), false);  // end is exclusive
  assert.equal(isWithinWorkingHours(wh, new Date(2026, 10, 22, 10, 0)), false);  // Sunday
  assert.equal(isWithinWorkingHours({ ...wh, enabled: false }, new Date(2026, 10, 23, 10, 0)), false);
  const night = { enabled: true, start: '22:00', end: '06:00', days: [0, 1, 2, 3, 4, 5, 6] };
  assert.equal(isWithinWorkingHours(night, new Date(2026, 10, 23, 23, 30)), true);
  assert.equal(isWithinWorkingHours(night, new Date(2026, 10, 23, 12, 0)), false);
});
