// finding-card.js — the card for one finding: what was found, why (message and clause), what to do
// (advice), and Fix / Ignore once / Ask the Communications Officer. Opened by hover, by the badge or
// by the keyboard (Alt+Shift+F in the compose box); Escape returns focus to the editor.
import { categoryLabel, severityLabels } from '../../shared/categories.js';
import { h, placeNear } from './dom.js';

export function fixLabel(suggestion) {
  if (!suggestion) return null;
  if (suggestion.action === 'remove') return 'Fix: remove it';
  if (suggestion.action === 'append') return `Fix: add “${suggestion.text.trim()}”`;
  return `Fix: change to “${suggestion.text}”`;
}

function mailtoFor(contact, finding, policy) {
  const subject = `Social media post question (PostCheck: ${categoryLabel(finding.category)}, clause ${finding.clause})`;
  const body = [
    `Hello,`, ``,
    `PostCheck flagged something in a post I am writing and I would like your advice before I post it.`, ``,
    `What it said: ${finding.message}`,
    `Policy: ${policy?.name ?? ''} ${policy?.version ?? ''}, clause ${finding.clause} (rule ${finding.rule})`, ``,
    `(Paste the post here if you are happy to share it.)`,
  ].join('\n');
  return `mailto:${encodeURIComponent(contact.email).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

export class FindingCard {
  // actions: { onFix(finding), onIgnoreOnce(finding), onIgnoreRule(finding), onClose(returnFocus), onMove(delta) }
  constructor(overlay, actions) {
    this.overlay = overlay;
    this.actions = actions;
    this.element = null;
    this.finding = null;
  }

  get isOpen() { return this.element !== null; }

  // Shows `finding` near `anchorRect`. `position` is { index, count } for "2 of 3".
  open({ finding, anchorRect, position, policy, contacts, canIgnoreRule, focus, status }) {
    this.close(false);
    this.finding = finding;
    const contact = contacts?.communications_officer;
    const fix = fixLabel(finding.suggestion);
    const titleId = `postcheck-card-title-${Math.random().toString(36).slice(2)}`;
    const card = h('div', { className: 'card', role: 'group', 'aria-labelledby': titleId, 'data-postcheck-card': true,
      'data-finding-category': finding.category, 'data-finding-severity': finding.severity,
      onkeydown: (e) => this.onKeyDown(e), onmouseenter: () => this.cancelHide(), onmouseleave: () => this.hideSoon() },
    h('h2', { id: titleId }, categoryLabel(finding.category),
      h('span', { className: 'severity', 'data-severity': finding.severity }, severityLabels[finding.severity] ?? finding.severity)),
    h('p', {}, 'Found: ', h('q', {}, finding.excerpt.length > 120 ? `${finding.excerpt.slice(0, 117)}…` : finding.excerpt)),
    h('p', { className: 'message' }, finding.message),
    h('p', { className: 'clause' }, `Policy clause ${finding.clause}${policy?.name ? ` — ${policy.name}` : ''}`),
    h('p', { className: 'advice' }, h('strong', {}, 'What to do: '), finding.advice),
    status ? h('p', { className: 'status', role: 'alert' }, status) : null,
    h('div', { className: 'actions' },
      fix ? h('button', { type: 'button', className: 'fix', onclick: () => this.actions.onFix(finding) }, fix) : null,
      h('button', { type: 'button', className: 'ignore', onclick: () => this.actions.onIgnoreOnce(finding) }, 'Ignore once'),
      canIgnoreRule ? h('button', { type: 'button', className: 'ignore-rule', onclick: () => this.actions.onIgnoreRule(finding) }, 'Stop flagging this') : null,
      contact ? h('a', { href: mailtoFor(contact, finding, policy), target: '_blank', rel: 'noopener' }, `Ask the ${contact.role || 'Communications Officer'}`) : null,
      position.count > 1 ? h('span', { className: 'nav' },
        h('button', { type: 'button', 'aria-label': 'Previous finding', onclick: () => this.actions.onMove(-1) }, '‹'),
        ` ${position.index + 1} of ${position.count} `,
        h('button', { type: 'button', 'aria-label': 'Next finding', onclick: () => this.actions.onMove(1) }, '›')) : null));
    this.element = this.overlay.append(card);
    const { left, top } = placeNear(anchorRect, card.offsetWidth || 340, card.offsetHeight || 180);
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
    this.overlay.announce(`${categoryLabel(finding.category)}, ${severityLabels[finding.severity] ?? ''}: ${finding.message} ${finding.advice}`);
    if (focus) (card.querySelector('button.fix') ?? card.querySelector('button'))?.focus();
  }

  onKeyDown(event) {
    event.stopPropagation(); // keys pressed in the card are not the page's shortcuts (X: j, k, n, …)
    if (event.key === 'Escape') this.actions.onClose(true);
    else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') { event.preventDefault(); this.actions.onMove(1); }
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') { event.preventDefault(); this.actions.onMove(-1); }
  }

  hideSoon() {
    this.cancelHide();
    if (this.element?.contains(this.overlay.shadow.activeElement)) return; // keyboard users keep it
    this.hideTimer = setTimeout(() => this.actions.onClose(false), 400);
  }

  cancelHide() {
    clearTimeout(this.hideTimer);
  }

  close() {
    this.cancelHide();
    this.element?.remove();
    this.element = null;
    this.finding = null;
  }
}
