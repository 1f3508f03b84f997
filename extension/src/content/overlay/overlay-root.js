// overlay-root.js — the single element PostCheck adds to a page: <postcheck-root data-postcheck-root>
// with an OPEN shadow root (tests and assistive technology can see into it) holding every underline,
// badge, card and dialog. It sits outside the editor, so the editor's DOM is never touched. The
// extension keeps its own reference, so an element of the same name planted by a page is ignored.
import { overlayCss } from './styles.js';

export class OverlayRoot {
  constructor() {
    this.host = document.createElement('postcheck-root');
    this.host.setAttribute('data-postcheck-root', '');
    for (const [p, v] of [['position', 'fixed'], ['top', '0'], ['left', '0'], ['width', '0'], ['height', '0'],
      ['z-index', '2147483647'], ['display', 'block'], ['overflow', 'visible'], ['pointer-events', 'none']]) {
      this.host.style.setProperty(p, v, 'important');
    }
    this.shadow = this.host.attachShadow({ mode: 'open' });
    adoptStyles(this.shadow, overlayCss);
    this.announcer = document.createElement('div');
    this.announcer.className = 'sr-only';
    this.announcer.setAttribute('role', 'status');
    this.announcer.setAttribute('aria-live', 'polite');
    this.shadow.append(this.announcer);
    this.attach();
  }

  // Re-adds the host if the page removed it (single-page apps sometimes rebuild <html>'s children).
  attach() {
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }

  append(element) {
    this.shadow.append(element);
    return element;
  }

  // Polite announcement for screen readers; repeated text is re-announced by clearing first.
  announce(text) {
    this.announcer.textContent = '';
    setTimeout(() => { this.announcer.textContent = text; }, 30);
  }

  contains(node) {
    return node === this.host || this.shadow.contains(node);
  }

  remove() {
    this.host.remove();
  }
}

function adoptStyles(shadow, css) {
  try {
    // Constructed sheets are not subject to the page's style-src CSP.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // Firefox content scripts cannot adopt a sheet built in their sandbox: fall back to <style>.
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}
