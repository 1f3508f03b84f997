// account-context.js — who the user is posting as (clause 4a): read from the page with the site
// file's account selectors, correctable by the user through the chip, and whether the options say
// they are an authorised user of that charity account.
import { findCharityAccount } from '../shared/account-match.js';
import { accountKey } from '../shared/settings.js';

export class AccountContext {
  constructor(site) {
    this.site = site;
    this.override = null; // null | 'personal' | 'charity' — the user's correction, for this page only
  }

  pageTexts() {
    const { selectors = [], attribute } = this.site.account ?? {};
    const texts = [];
    for (const selector of selectors) {
      for (const element of document.querySelectorAll(selector)) {
        const text = attribute ? element.getAttribute(attribute) : element.textContent;
        if (text) texts.push(text.slice(0, 200));
      }
    }
    return texts;
  }

  // { account, charityAccount, detected, authorised } for the current page and settings.
  current(policy, settings) {
    const network = this.site.id;
    const accounts = (policy?.charityAccounts ?? []).filter((a) => a.network === network);
    const detected = findCharityAccount(this.pageTexts(), network, accounts, this.site.account?.match);
    const account = this.override ?? (detected ? 'charity' : 'personal');
    const charityAccount = account === 'charity' ? (detected ?? accounts[0] ?? null) : null;
    const authorised = charityAccount !== null
      && (settings?.authorisedAccounts ?? []).includes(accountKey(network, charityAccount.handle));
    return { account, charityAccount, detected: detected !== null, authorised };
  }

  toggle(policy, settings) {
    this.override = this.current(policy, settings).account === 'charity' ? 'personal' : 'charity';
  }
}
