// post-guard.js — holds a post that has findings of a holding severity (policy hold_severities,
// or the organisation's managed value). It listens in the capture phase on window, before the
// network's own handlers, to clicks on the site file's post buttons and to Ctrl/Cmd+Enter (and
// Enter where the site posts on Enter). A held post goes ahead only through "Post anyway", and then
// exactly once: the replayed action carries a one-shot pass this guard consumes.

function matchesButton(element, postButtons) {
  for (const b of postButtons) {
    if (typeof b === 'string') { if (element.matches(b)) return true; }
    else if (element.matches(b.selector) && element.textContent.trim() === b.text) return true;
  }
  return false;
}

// Does `ancestor` contain `node`, looking through shadow roots?
function containsComposed(ancestor, node) {
  for (let n = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n === ancestor) return true;
  return false;
}

export class PostGuard {
  // env: { site, sessions() → live ComposeSessions, dialog: HoldDialog, getPolicy(), lastActive() }
  constructor(env) {
    this.env = env;
    this.pass = null; // { target, expires } — the one replayed action allowed through
    this.onClick = (e) => this.handleClick(e);
    this.onKeyDown = (e) => this.handleKeyDown(e);
  }

  start() {
    window.addEventListener('click', this.onClick, true);
    window.addEventListener('keydown', this.onKeyDown, true);
  }

  stop() {
    window.removeEventListener('click', this.onClick, true);
    window.removeEventListener('keydown', this.onKeyDown, true);
  }

  postButtonIn(path) {
    for (const n of path) {
      if (n instanceof Element && matchesButton(n, this.env.site.postButtons)) return n;
      if (n === document.body) break;
    }
    return null;
  }

  // The session whose compose box shares the nearest container with `element`.
  sessionFor(element) {
    const sessions = this.env.sessions();
    for (let a = element; a; a = a.parentNode ?? (a instanceof ShadowRoot ? a.host : null)) {
      const inside = sessions.filter((s) => containsComposed(a, s.box));
      if (inside.length === 1) return inside[0];
      if (inside.length > 1) return inside.includes(this.env.lastActive()) ? this.env.lastActive() : inside[0];
    }
    return null;
  }

  // The post button that belongs with `session`'s box, for replaying a held keyboard shortcut.
  buttonFor(session) {
    for (let a = session.box.parentNode; a; a = a.parentNode ?? (a instanceof ShadowRoot ? a.host : null)) {
      if (!(a instanceof Element || a instanceof ShadowRoot || a instanceof Document)) continue;
      for (const b of this.env.site.postButtons) {
        const selector = typeof b === 'string' ? b : b.selector;
        for (const el of a.querySelectorAll(selector)) if (matchesButton(el, [b])) return el;
      }
    }
    return null;
  }

  consumePass(target) {
    if (this.pass && this.pass.target === target && performance.now() < this.pass.expires) {
      this.pass = null;
      return true;
    }
    return false;
  }

  handleClick(event) {
    const path = event.composedPath();
    const button = this.postButtonIn(path);
    if (!button) return;
    if (this.consumePass(button)) return;
    const session = this.sessionFor(button);
    if (session) this.decide(event, session, { kind: 'click', button });
  }

  handleKeyDown(event) {
    const target = event.composedPath()[0];
    const session = this.env.sessions().find((s) => s.box === target || containsComposed(s.box, target));
    if (!session) return;
    if (event.altKey && event.shiftKey && (event.code === 'KeyF' || event.key.toLowerCase() === 'f')) {
      event.preventDefault();
      event.stopImmediatePropagation();
      session.openCardAtCaret();
      return;
    }
    if (event.key !== 'Enter' || event.isComposing) return;
    const mod = event.ctrlKey || event.metaKey;
    const enterPosts = !mod && !event.shiftKey && !event.altKey && this.env.site.enterPosts.some((s) => session.box.matches(s));
    if (!(mod && this.env.site.postShortcut === 'mod+enter') && !enterPosts) return;
    if (this.consumePass(target)) return;
    this.decide(event, session, { kind: 'key', target, init: {
      key: event.key, code: event.code, keyCode: 13, which: 13, ctrlKey: event.ctrlKey, metaKey: event.metaKey,
      shiftKey: false, altKey: false, bubbles: true, cancelable: true, composed: true } });
  }

  decide(event, session, trigger) {
    const state = session.holdState();
    if (state.current && state.holding.length === 0 && state.moreHolding === 0) return; // a clean post goes through untouched
    event.preventDefault();
    event.stopImmediatePropagation();
    this.resolveHeld(session, trigger, state);
  }

  async resolveHeld(session, trigger, state) {
    if (!state.current) {
      await session.checkNow();
      state = session.holdState();
      if (state.holding.length === 0 && state.moreHolding === 0) { this.replay(session, trigger); return; }
    }
    session.card.close();
    const answer = await this.env.dialog.ask({ holding: state.holding, moreHolding: state.moreHolding, others: state.others,
      policy: this.env.getPolicy() });
    if (answer === 'post') this.replay(session, trigger);
    else if (state.holding.length) session.focusFinding(state.holding[0]);
    else session.box.focus();
  }

  replay(session, trigger) {
    if (trigger.kind === 'click') {
      this.pass = { target: trigger.button, expires: performance.now() + 1000 };
      trigger.button.click();
      this.pass = null; // click() dispatches synchronously: the pass is used or void now
      return;
    }
    const button = this.buttonFor(session);
    if (button) {
      this.pass = { target: button, expires: performance.now() + 1000 };
      button.click();
    } else {
      session.box.focus();
      this.pass = { target: trigger.target, expires: performance.now() + 1000 };
      trigger.target.dispatchEvent(new KeyboardEvent('keydown', trigger.init));
    }
    this.pass = null; // dispatch is synchronous: never leave a pass lying around
  }
}
