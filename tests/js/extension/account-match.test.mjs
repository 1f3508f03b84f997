// account-match.test.mjs — telling the charity's accounts and names from page text (clause 4a).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCharityAccount, foldName, usesOrganisationName } from '../../../extension/src/shared/account-match.js';

const accounts = [
  { network: 'x', handle: '@CarersinBeds', display_name: 'Carers in Bedfordshire' },
  { network: 'facebook', handle: 'CarersinBeds', display_name: 'Carers in Bedfordshire' },
];

test('foldName drops case, accents and punctuation', () => {
  assert.equal(foldName('  Carérs-in  BEDS! '), 'carers in beds');
});

test('X: the account switcher naming the handle means the charity account', () => {
  assert.equal(findCharityAccount(['Carers in Bedfordshire @CarersinBeds'], 'x', accounts, 'handle'), accounts[0]);
  assert.equal(findCharityAccount(['Jane Doe @jane_doe'], 'x', accounts, 'handle'), null);
  assert.equal(findCharityAccount(['@CarersinBedsFan'], 'x', accounts, 'handle'), null);
});

test('display names match whole words only, on the right network', () => {
  assert.equal(findCharityAccount(['Carers in Bedfordshire'], 'facebook', accounts, 'display_name'), accounts[1]);
  assert.equal(findCharityAccount(['Friends of Carers in Bedfordshire Group'], 'facebook', accounts, 'display_name'), accounts[1]);
  assert.equal(findCharityAccount(['Carers in Bedfordshire'], 'linkedin', accounts, 'display_name'), null);
  assert.equal(findCharityAccount(['Carers in Bedfordshireshire'], 'facebook', accounts, 'display_name'), null);
});

test('new account names using the charity name or handle are spotted', () => {
  const names = ['Carers in Bedfordshire', 'Carers in Beds'];
  assert.equal(usesOrganisationName('Carers in Beds Volunteers', names), true);
  assert.equal(usesOrganisationName('carersinbedfordshire', names), true);
  assert.equal(usesOrganisationName('CarersinBeds_official', names, ['@CarersinBeds']), true);
  assert.equal(usesOrganisationName('Jane Doe', names), false);
  assert.equal(usesOrganisationName('', names), false);
});
