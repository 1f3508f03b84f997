// signup-reminder.js — on a network's sign-up or create-page form, typing the charity's name as the
// new account or page name shows the clause 4a reminder: only authorised users may create an account
// in the charity's name, and only with the Community Engagement Lead's explicit approval.
import { usesOrganisationName } from '../shared/account-match.js';

export class SignupReminder {
  // env: { site, notice: Notice, getPolicy(), getSettings() }
  constructor(env) {
    this.env = env;
    this.shownFor = new WeakSet();
    this.onInput = (event) => this.handleInput(event);
  }

  start() { window.addEventListener('input', this.onInput, true); }
  stop() { window.removeEventListener('input', this.onInput, true); }

  onSignUpPage() {
    return this.env.site.signUp.paths.some((p) => location.pathname.startsWith(p));
  }

  handleInput(event) {
    const field = event.composedPath()[0];
    if (!(field instanceof HTMLInputElement) || this.shownFor.has(field) || !this.onSignUpPage()) return;
    if (!this.env.site.signUp.nameFields.some((s) => field.matches(s))) return;
    const policy = this.env.getPolicy();
    const handles = (policy?.charityAccounts ?? []).map((a) => a.handle);
    if (!usesOrganisationName(field.value, policy?.organisationNames ?? [], handles)) return;
    this.shownFor.add(field);
    const lead = this.env.getSettings().contacts?.community_engagement_lead;
    this.env.notice.show(field.getBoundingClientRect(), [
      `This name looks like ${policy.organisationNames[0] ?? 'the charity'}’s.`,
      'Clause 4a: only authorised users may create a new social media account in the charity’s name, and only with the explicit approval of the Community Engagement Lead.',
    ], lead ? { link: { href: `mailto:${lead.email}?subject=${encodeURIComponent('Approval for a new social media account in the charity’s name')}`, text: `Ask the ${lead.role}` } } : {});
  }
}
