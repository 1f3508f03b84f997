// notice.js — a short reminder near a field (working hours, creating an account in the charity's
// name). One at a time; it closes on its button, on Escape, or when replaced.
import { h, placeNear } from './dom.js';

export class Notice {
  constructor(overlay) {
    this.overlay = overlay;
    this.element = null;
  }

  show(anchorRect, paragraphs, { link } = {}) {
    this.close();
    const note = h('div', { className: 'note', role: 'note', 'data-postcheck-note': true,
      onkeydown: (e) => { if (e.key === 'Escape') this.close(); } },
    paragraphs.map((p) => h('p', {}, p)),
    link ? h('p', {}, h('a', { href: link.href, target: '_blank', rel: 'noopener' }, link.text)) : null,
    h('button', { type: 'button', onclick: () => this.close() }, 'OK'));
    this.element = this.overlay.append(note);
    const { left, top } = placeNear(anchorRect, note.offsetWidth || 360, note.offsetHeight || 90);
    note.style.left = `${left}px`;
    note.style.top = `${top}px`;
    this.overlay.announce(paragraphs.join(' '));
  }

  close() {
    this.element?.remove();
    this.element = null;
  }
}
