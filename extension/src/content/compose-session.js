// compose-session.js — one compose box being watched: it checks the text when the user pauses typing
// (or at once on paste), keeps the findings in step with edits, and draws them on top of the box.
//
//   input/paste/mutation ──► scheduleCheck ──(pause)──► runCheck ──► background checker
//            │                                                  │
//            └──► scheduleLayout ──(next frame)──► layout ◄─────┘ findings
//                                                    │  (sliced: never > Timing.sliceBudgetMs at once)
//                                                    └──► underlines, badge, chip (overlay shadow root)
//
// The editor's DOM is only ever read; the only change to the text is an explicit Fix (fix-applier.js).
import { categoryLabel } from '../shared/categories.js';
import { isWithinWorkingHours } from '../shared/settings.js';
import { Timing } from '../shared/timing.js';
import { ExtensionStopped } from './checker-client.js';
import { isTextControl, rangeFor, readEditorText } from './editor-text.js';
import { applyFix } from './fix-applier.js';
import { shiftFindings } from './finding-shift.js';
import { h } from './overlay/dom.js';
import { FindingCard } from './overlay/finding-card.js';
import { TextareaGeometry } from './textarea-geometry.js';
import { noteWork } from './work-timer.js';

const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

export class ComposeSession {
  // env: { overlay, client, site, accountContext, getPolicy(), getSettings(), onPolicyKey(key), onStopped() }
  constructor(box, env) {
    this.box = box;
    this.env = env;
    this.isTextarea = isTextControl(box);
    this.checkedText = null;  // text the current findings were computed on
    this.shownText = '';      // text the drawn findings refer to (findings shifted through edits)
    this.allFindings = [];    // from the checker, positions moved onto shownText
    this.findings = [];       // after ignores, positions in shownText
    this.dirty = true;
    this.seq = 0;
    this.ignoredOnce = new Set();
    this.items = [];          // [{ finding, rects }] as drawn
    this.context = null;
    this.unsent = { total: 0, holding: 0 };
    this.lastAnnounced = '';
    this.layer = env.overlay.append(h('div', { className: 'layer' }));
    this.clip = this.layer.appendChild(h('div', { className: 'clip' }));
    this.badge = this.layer.appendChild(h('button', { type: 'button', className: 'badge', hidden: true,
      onclick: () => this.openCard(0, { focus: true }) }));
    this.chip = this.layer.appendChild(h('button', { type: 'button', className: 'chip', hidden: true,
      onclick: () => this.toggleAccount() }));
    this.geometry = this.isTextarea ? new TextareaGeometry(this.layer) : null;
    this.card = new FindingCard(env.overlay, {
      onFix: (f) => this.fix(f),
      onIgnoreOnce: (f) => this.ignoreOnce(f),
      onIgnoreRule: (f) => env.ignoreRule(f.rule),
      onClose: (returnFocus) => this.closeCard(returnFocus),
      onMove: (delta) => this.openCard(this.cardIndex + delta, { focus: true }),
    });

    this.listeners = [
      ['input', () => { this.scheduleLayout(); this.scheduleCheck(false); }],
      ['paste', () => this.scheduleCheck(true)],
      ['focus', () => this.onFocus()],
      ['blur', () => { clearInterval(this.keepAlive); this.scheduleLayout(); }],
      ['scroll', () => this.scheduleLayout()],
    ];
    for (const [type, fn] of this.listeners) box.addEventListener(type, fn, { passive: true });
    this.resizeObserver = new ResizeObserver(() => this.scheduleLayout());
    this.resizeObserver.observe(box);
    if (!this.isTextarea) {
      // Editors re-render their own DOM (also without input events, e.g. a draft restored);
      // the callback only sets timers, all work happens later.
      this.mutationObserver = new MutationObserver(() => { this.scheduleLayout(); this.scheduleCheck(false); });
      this.mutationObserver.observe(box, { childList: true, characterData: true, subtree: true });
    }
    this.scheduleCheck(true);
  }

  get connected() { return this.box.isConnected; }

  readText() {
    return this.isTextarea ? this.box.value : readEditorText(this.box).text;
  }

  // ----- checking -----

  scheduleCheck(immediate) {
    this.dirty = true;
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => this.runCheck(), immediate ? 0 : Timing.typingPauseMs);
  }

  async runCheck() {
    clearTimeout(this.checkTimer);
    if (!this.connected) return;
    let started = performance.now();
    const text = this.readText();
    const context = this.env.accountContext.current(this.env.getPolicy(), this.env.getSettings());
    noteWork('read text', started);
    const sameContext = this.context && this.context.account === context.account && this.context.authorised === context.authorised;
    if (text === this.checkedText && sameContext && !this.policyChanged) { this.dirty = false; this.updateChip(); return; }
    const seq = ++this.seq;
    let reply;
    try {
      reply = await this.env.client.check(text, { account: context.account, authorised: context.authorised });
    } catch (error) {
      if (error instanceof ExtensionStopped) this.env.onStopped();
      return; // the next edit checks again; nothing on screen is wrong, only possibly missing
    }
    if (seq !== this.seq || !this.connected) return;  // a newer check is on its way
    started = performance.now();
    if (this.readText() !== text) { noteWork('reply', started); this.scheduleCheck(false); return; }
    this.checkedText = text;
    this.shownText = text;
    this.context = context;
    this.allFindings = reply.findings;
    // Findings beyond those sent (a huge paste): counted, so the badge and the hold still know of them.
    this.unsent = { total: reply.total - reply.findings.length, holding: 0 };
    const holdSeverities = this.env.getSettings().holdSeverities;
    for (const severity of holdSeverities) this.unsent.holding += reply.severityCounts?.[severity] ?? 0;
    this.unsent.holding -= reply.findings.filter((f) => holdSeverities.includes(f.severity)).length;
    this.policyChanged = false;
    this.dirty = false;
    this.env.onPolicyKey(reply.policyKey);
    this.refilter();
    this.updateChip();
    noteWork('reply', started);
    // Small posts are drawn at once (the fastest underline); huge ones after the next frame, when
    // the page's own layout of the paste is done (see scheduleLayout).
    if (text.length <= Timing.maxDrawnTextLength) this.layout(); else this.scheduleLayout();
    this.announceCount();
    for (const resolve of this.waiters ?? []) resolve();
    this.waiters = [];
  }

  // Re-checks now and resolves once the findings match the text (used by the post guard).
  async checkNow() {
    for (let i = 0; i < 3 && this.connected; i += 1) {
      await this.runCheck();
      if (!this.dirty && this.readText() === this.checkedText) return true;
    }
    return false;
  }

  // The policy, the settings or the account changed: check again even if the text did not.
  refresh() {
    this.policyChanged = true;
    this.refilter();
    this.scheduleCheck(true);
  }

  refilter() {
    const settings = this.env.getSettings();
    const holding = new Set(settings.holdSeverities);
    const ignoredRules = new Set(settings.ignoredRules);
    this.findings = this.allFindings.filter((f) => !this.ignoredOnce.has(`${f.rule}\u0000${f.excerpt}`)
      && !(ignoredRules.has(f.rule) && !holding.has(f.severity)));
  }

  // { current, holding, others }: `current` is false when the findings may not match the text.
  holdState() {
    const holdSeverities = new Set(this.env.getSettings().holdSeverities);
    const current = !this.dirty && this.readText() === this.checkedText;
    const holding = this.findings.filter((f) => holdSeverities.has(f.severity));
    return { current, holding, moreHolding: this.unsent.holding,
      others: this.findings.length - holding.length + this.unsent.total - this.unsent.holding };
  }

  announceCount() {
    const n = this.findings.length;
    const text = n === 0 ? (this.lastAnnounced ? 'PostCheck: no problems found.' : '')
      : `PostCheck: ${n} ${n === 1 ? 'thing' : 'things'} to check: ${[...new Set(this.findings.map((f) => categoryLabel(f.category)))].join(', ')}. Press Alt+Shift+F to review.`;
    if (text && text !== this.lastAnnounced && this.box.matches(':focus')) this.env.overlay.announce(text);
    this.lastAnnounced = text;
  }

  // ----- drawing -----

  // Geometry is read just after the browser has rendered a frame (a task queued from rAF runs after
  // that frame's layout), so PostCheck reads a clean layout instead of forcing the page to lay out
  // in the middle of our work — with a huge paste that forced layout alone can take tens of ms.
  scheduleLayout() {
    if (this.layoutFrame) return;
    this.layoutFrame = requestAnimationFrame(() => {
      setTimeout(() => { this.layoutFrame = 0; this.layout(); }, 0);
    });
  }

  async layout() {
    const token = (this.layoutToken = (this.layoutToken ?? 0) + 1);
    if (!this.connected) return;
    let sliceStart = performance.now();
    const sliceDone = async () => { // true when the slice was used up and a newer layout took over
      if (performance.now() - sliceStart <= Timing.sliceBudgetMs) return false;
      noteWork('layout slice', sliceStart);
      await yieldToPage();
      sliceStart = performance.now();
      return token !== this.layoutToken || !this.connected;
    };
    let segments = [];
    let text;
    if (this.isTextarea) text = this.box.value;
    else ({ text, segments } = readEditorText(this.box));
    if (text !== this.shownText) {
      this.allFindings = shiftFindings(this.allFindings, this.shownText, text);
      this.shownText = text;
      this.refilter();
    }
    if (await sliceDone()) return;
    const boxRect = this.box.getBoundingClientRect();
    const visible = boxRect.width > 0 && boxRect.height > 0;
    this.placeBadgeAndChip(boxRect, visible);
    const limit = this.isTextarea ? Timing.maxMirroredTextLength : Timing.maxDrawnTextLength;
    const drawable = visible ? this.findings.filter((f) => f.end <= limit).slice(0, Timing.maxDrawnUnderlines) : [];
    if (await sliceDone()) return;
    if (this.isTextarea && drawable.length) {
      this.geometry.sync(this.box, limit);
      if (await sliceDone()) return;
    }
    const items = [];
    for (const finding of drawable) {
      let rects;
      if (this.isTextarea) rects = this.geometry.rectsFor(finding.start, finding.end);
      else rects = [...(rangeFor(segments, finding.start, finding.end)?.getClientRects() ?? [])];
      items.push({ finding, rects: rects.filter((r) => r.width > 0.5 && r.height > 0) });
      if (await sliceDone()) return;
    }
    this.items = items;
    this.drawUnderlines(boxRect);
    noteWork('layout slice', sliceStart);
  }

  drawUnderlines(boxRect) {
    const vw = document.documentElement.clientWidth || innerWidth;
    const vh = document.documentElement.clientHeight || innerHeight;
    const clip = {
      left: Math.max(0, boxRect.left), top: Math.max(0, boxRect.top),
      right: Math.min(vw, boxRect.right), bottom: Math.min(vh, boxRect.bottom + 3),
    };
    Object.assign(this.clip.style, {
      left: `${clip.left}px`, top: `${clip.top}px`,
      width: `${Math.max(0, clip.right - clip.left)}px`, height: `${Math.max(0, clip.bottom - clip.top)}px`,
    });
    const fragment = document.createDocumentFragment();
    for (const { finding, rects } of this.items) {
      for (const r of rects) {
        const u = document.createElement('div');
        u.className = 'underline';
        u.setAttribute('data-finding-category', finding.category);
        u.setAttribute('data-finding-severity', finding.severity);
        u.setAttribute('data-finding-rule', finding.rule);
        if (this.card.finding === finding) u.classList.add('current');
        u.style.left = `${r.left - clip.left}px`;
        u.style.top = `${r.top - clip.top}px`;
        u.style.width = `${r.width}px`;
        u.style.height = `${r.height + 1}px`;
        fragment.append(u);
      }
    }
    this.clip.replaceChildren(fragment);
  }

  placeBadgeAndChip(boxRect, visible) {
    const n = this.findings.length + this.unsent.total;
    const limit = this.isTextarea ? Timing.maxMirroredTextLength : Timing.maxDrawnTextLength;
    const truncated = this.unsent.total > 0 || n > Timing.maxDrawnUnderlines || this.findings.some((f) => f.end > limit);
    this.badge.hidden = !visible || n === 0;
    if (!this.badge.hidden) {
      const worst = ['block', 'warn', 'info'].find((s) => this.findings.some((f) => f.severity === s)) ?? 'info';
      this.badge.dataset.worst = worst;
      this.badge.textContent = truncated ? `${Math.min(n, 999)}+` : String(n);
      this.badge.setAttribute('aria-label', `PostCheck: ${n} ${n === 1 ? 'thing' : 'things'} to check. Show${truncated
        ? '. The post is very long: underlines are drawn for its first part only' : ''}`);
      this.badge.title = truncated ? 'Very long post: underlines are shown for the first part only' : 'PostCheck';
      this.badge.style.left = `${Math.max(2, boxRect.right - 30)}px`;
      this.badge.style.top = `${Math.max(2, Math.min(boxRect.bottom - 28, innerHeight - 26))}px`;
    }
    const showChip = visible && (this.box.matches(':focus') || this.chip.matches(':focus')
      || this.context?.account === 'charity' || this.card.isOpen);
    this.chip.hidden = !showChip;
    if (showChip) {
      const width = this.chip.offsetWidth || 180;
      this.chip.style.left = `${Math.max(2, boxRect.right - width)}px`;
      this.chip.style.top = `${boxRect.top >= 28 ? boxRect.top - 26 : boxRect.bottom + 4}px`;
    }
  }

  // ----- account chip and notes -----

  updateChip() {
    const ctx = this.env.accountContext.current(this.env.getPolicy(), this.env.getSettings());
    const name = ctx.account === 'charity' ? (ctx.charityAccount?.display_name ?? 'the charity') : 'personal';
    const unauthorised = ctx.account === 'charity' && !ctx.authorised;
    this.chip.dataset.account = ctx.account;
    this.chip.toggleAttribute('data-unauthorised', unauthorised);
    this.chip.textContent = `Posting as: ${name}${unauthorised ? ' — not authorised' : ''}`;
    const other = ctx.account === 'charity' ? 'your personal account' : 'the charity’s account';
    this.chip.setAttribute('aria-label', `${this.chip.textContent}. Activate if you are posting as ${other}.`);
    if (unauthorised && !this.warnedUnauthorised) {
      this.warnedUnauthorised = true;
      this.env.overlay.announce(`You are posting as ${name}, but PostCheck's options do not list you as an authorised user of this account (policy clause 4a).`);
    }
    if (!unauthorised) this.warnedUnauthorised = false;
    return ctx;
  }

  toggleAccount() {
    this.env.accountContext.toggle(this.env.getPolicy(), this.env.getSettings());
    this.env.refreshAll();
    this.updateChip();
    this.scheduleLayout();
  }

  onFocus() {
    // Warm the checker now (a restarted worker compiles it while the user types), and keep the worker
    // from being stopped while the box has focus: MV3 stops an idle worker after 30 s, and any
    // extension message resets that timer, so a restart never lands on a paused typist.
    this.env.client.warmUp();
    clearInterval(this.keepAlive);
    this.keepAlive = setInterval(() => this.env.client.warmUp(), Timing.keepAliveMs);
    const ctx = this.updateChip();
    this.scheduleLayout();
    if (ctx.account === 'personal' && isWithinWorkingHours(this.env.getSettings().workingHours) && !this.env.workingHoursShown) {
      this.env.workingHoursShown = true;
      this.env.showNote(this.box.getBoundingClientRect(),
        'It is working hours. Clause 4c: personal, non-work use of social media is for breaks and lunch; work-related use needs a specific reason.');
    }
    if (this.dirty || this.checkedText === null) this.scheduleCheck(true);
  }

  // ----- card, fix and ignore -----

  caretIndex() {
    if (this.isTextarea) return this.box.selectionStart ?? 0;
    const selection = document.getSelection();
    if (!selection?.anchorNode) return 0;
    const { segments } = readEditorText(this.box);
    const seg = segments.find((s) => s.node === selection.anchorNode);
    return seg ? seg.start + selection.anchorOffset : 0;
  }

  openCardAtCaret() {
    if (!this.findings.length) { this.env.overlay.announce('PostCheck: nothing to check in this post.'); return; }
    const caret = this.caretIndex();
    let index = this.findings.findIndex((f) => f.start <= caret && caret <= f.end);
    if (index < 0) index = this.findings.findIndex((f) => f.start >= caret);
    this.openCard(index < 0 ? 0 : index, { focus: true });
  }

  openCard(index, { focus = false, status } = {}) {
    if (!this.findings.length) return;
    const count = this.findings.length;
    this.cardIndex = ((index % count) + count) % count;
    const finding = this.findings[this.cardIndex];
    const item = this.items.find((i) => i.finding === finding);
    const anchorRect = item?.rects[0] ?? this.box.getBoundingClientRect();
    const settings = this.env.getSettings();
    if (focus && !this.card.isOpen) this.returnFocus = true;
    this.card.open({
      finding, anchorRect, position: { index: this.cardIndex, count }, policy: this.env.getPolicy(),
      contacts: settings.contacts, canIgnoreRule: !settings.holdSeverities.includes(finding.severity), focus, status,
    });
    this.drawUnderlines(this.box.getBoundingClientRect());
    this.chip.hidden = false;
  }

  closeCard(returnFocus) {
    const wasOpen = this.card.isOpen;
    this.card.close();
    this.drawUnderlines(this.box.getBoundingClientRect());
    if (wasOpen && returnFocus) this.box.focus({ preventScroll: true });
  }

  // Selects the first holding finding in the editor ("Edit post").
  focusFinding(finding) {
    this.box.focus({ preventScroll: false });
    if (this.isTextarea) this.box.setSelectionRange(finding.start, finding.end);
    else {
      const range = rangeFor(readEditorText(this.box).segments, finding.start, finding.end);
      if (range) document.getSelection().setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
    }
    // The selection shows the words; the card is one Alt+Shift+F away and is not opened over the box,
    // where it would be in the way of the click that comes next.
    this.env.overlay.announce(`${categoryLabel(finding.category)}: ${finding.message} Press Alt+Shift+F for details.`);
  }

  ignoreOnce(finding) {
    this.ignoredOnce.add(`${finding.rule}\u0000${finding.excerpt}`);
    this.refilter();
    this.closeCard(true);
    this.layout();
    this.announceCount();
  }

  async fix(finding) {
    if (this.dirty || this.readText() !== this.checkedText) {
      await this.checkNow();
      finding = this.findings.find((f) => f.rule === finding.rule && f.excerpt === finding.excerpt);
      if (!finding?.suggestion) { this.closeCard(true); return; }
    }
    this.card.close();
    const result = await applyFix(this.box, this.checkedText, finding);
    if (!result.ok) {
      const index = this.findings.indexOf(finding);
      this.openCard(index < 0 ? 0 : index, { focus: true,
        status: 'This editor did not accept the fix as expected. Please make the change yourself; PostCheck changed nothing else.' });
    } else {
      this.env.overlay.announce('Fixed.');
    }
    this.scheduleCheck(true);
  }

  // Index of the drawn finding under the viewport point (x, y), or -1.
  findingAt(x, y) {
    for (const { finding, rects } of this.items) {
      if (rects.some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 3)) {
        return this.findings.indexOf(finding);
      }
    }
    return -1;
  }

  dispose() {
    clearTimeout(this.checkTimer);
    clearInterval(this.keepAlive);
    cancelAnimationFrame(this.layoutFrame);
    this.layoutFrame = 0;
    this.layoutToken = -1;
    for (const [type, fn] of this.listeners) this.box.removeEventListener(type, fn);
    this.resizeObserver.disconnect();
    this.mutationObserver?.disconnect();
    this.card.close();
    this.geometry?.dispose();
    this.layer.remove();
  }
}
