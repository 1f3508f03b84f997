// hold-dialog.js — the one question before posting: shown when a post with holding findings is about
// to go out. "Edit post" returns to the text; "Post anyway" lets the original action go ahead once.
// Only a real user gesture (isTrusted) can choose "Post anyway": a page script clicking it is ignored.
import { categoryLabel } from '../../shared/categories.js';
import { h } from './dom.js';

export class HoldDialog {
  constructor(overlay) {
    this.overlay = overlay;
    this.backdrop = null;
  }

  get isOpen() { return this.backdrop !== null; }

  // Resolves to 'edit' or 'post'. Only one dialog at a time; opening again replaces the answer with 'edit'.
  ask({ holding, moreHolding = 0, others, policy }) {
    this.finish('edit');
    return new Promise((resolve) => {
      this.resolve = resolve;
      const titleId = 'postcheck-dialog-title';
      const descId = 'postcheck-dialog-desc';
      const edit = h('button', { type: 'button', className: 'edit', onclick: (e) => e.isTrusted && this.finish('edit') }, 'Edit post');
      const anyway = h('button', { type: 'button', className: 'anyway', onclick: (e) => e.isTrusted && this.finish('post') }, 'Post anyway');
      const dialog = h('div', { className: 'dialog', role: 'dialog', 'aria-modal': 'true', 'data-postcheck-dialog': true,
        'aria-labelledby': titleId, 'aria-describedby': descId },
      h('h2', { id: titleId }, 'Check this post before it goes out'),
      h('p', { id: descId }, holding.length + moreHolding === 1
        ? 'PostCheck found something the social media policy does not allow:'
        : `PostCheck found ${holding.length + moreHolding} things the social media policy does not allow:`),
      h('ul', {}, holding.slice(0, 10).map((f) => h('li', { 'data-finding-category': f.category, 'data-finding-severity': f.severity },
        h('strong', {}, `${categoryLabel(f.category)}: `), h('q', {}, f.excerpt.length > 80 ? `${f.excerpt.slice(0, 77)}…` : f.excerpt),
        ` — ${f.message}${f.message.includes(`lause ${f.clause}`) ? '' : ` (clause ${f.clause})`}`))),
      holding.length + moreHolding > 10 ? h('p', {}, `…and ${holding.length + moreHolding - 10} more.`) : null,
      others > 0 ? h('p', {}, `There ${others === 1 ? 'is 1 other note' : `are ${others} other notes`} underlined in the post.`) : null,
      policy?.name ? h('p', { className: 'clause' }, `${policy.name} ${policy.version ?? ''}`) : null,
      h('div', { className: 'buttons' }, anyway, edit));
      this.backdrop = h('div', { className: 'backdrop', onkeydown: (e) => this.onKeyDown(e, [anyway, edit]) }, dialog);
      // Clicks on the dimmed page behind must not reach it while the question is open.
      this.backdrop.addEventListener('mousedown', (e) => { if (e.target === this.backdrop) e.preventDefault(); });
      this.overlay.append(this.backdrop);
      this.overlay.announce('PostCheck is holding this post. Choose Edit post or Post anyway.');
      edit.focus();
    });
  }

  onKeyDown(event, buttons) {
    event.stopPropagation();
    if (event.key === 'Escape') { event.preventDefault(); if (event.isTrusted) this.finish('edit'); return; }
    if (event.key === 'Tab') { // keep focus inside the dialog
      event.preventDefault();
      const i = buttons.indexOf(this.overlay.shadow.activeElement);
      buttons[(i + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length].focus();
    }
  }

  finish(answer) {
    if (!this.backdrop) return;
    this.backdrop.remove();
    this.backdrop = null;
    const resolve = this.resolve;
    this.resolve = null;
    resolve?.(answer);
  }
}
