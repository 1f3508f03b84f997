// compose-watcher.js — finds the compose boxes of a page: the site file's selectors, in the document
// and in every open shadow root, including boxes that appear later (dialogs, replies, comments, DMs)
// and boxes that are removed and re-added.
//
//   MutationObserver records ─► pending added nodes (callback does nothing else)
//                                   │ next idle slice (≤ Timing.sliceBudgetMs each)
//                                   ▼
//                    matches / querySelectorAll / open shadow roots ─► onBox(box)
//   focusin (capture, composed path) ─► the same test on the focused element (catches shadow roots
//                                       attached after insertion, which no observer reports)
import { Timing } from '../shared/timing.js';
import { noteWork } from './work-timer.js';

export class ComposeWatcher {
  // onBox(box) for each new box; onRemoved() after a batch that removed nodes; isOurs(node) skips our overlay.
  constructor(site, { onBox, onRemoved, isOurs }) {
    this.selector = site.composeBoxes.join(',');
    this.onBox = onBox;
    this.onRemoved = onRemoved;
    this.isOurs = isOurs;
    this.pending = [];
    this.observedRoots = new WeakSet();
    this.observers = [];
    this.onFocusIn = (event) => this.consider(event.composedPath()[0]);
  }

  start() {
    this.observe(document);
    this.pending.push(document.documentElement);
    this.schedule();
    window.addEventListener('focusin', this.onFocusIn, true);
  }

  stop() {
    for (const o of this.observers) o.disconnect();
    this.observers = [];
    this.observedRoots = new WeakSet();
    this.pending = [];
    window.removeEventListener('focusin', this.onFocusIn, true);
  }

  observe(root) {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    const observer = new MutationObserver((records) => {
      let removed = false;
      for (const r of records) {
        for (const n of r.addedNodes) if (n.nodeType === Node.ELEMENT_NODE) this.pending.push(n);
        if (r.removedNodes.length) removed = true;
      }
      if (removed) this.removedSeen = true;
      this.schedule();
    });
    observer.observe(root, { childList: true, subtree: true });
    this.observers.push(observer);
  }

  schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => this.process(), 0);
  }

  // Works through pending subtrees in slices so a huge insertion never blocks the page for long.
  process() {
    this.scheduled = false;
    const started = performance.now();
    while (this.pending.length) {
      const node = this.pending.shift();
      if (!node.isConnected || this.isOurs(node)) continue;
      this.scan(node);
      if (performance.now() - started > Timing.sliceBudgetMs) { this.schedule(); break; }
    }
    noteWork('find compose boxes', started);
    if (this.removedSeen && !this.pending.length) {
      this.removedSeen = false;
      this.onRemoved();
    }
  }

  scan(element) {
    this.consider(element);
    for (const box of element.querySelectorAll(this.selector)) this.consider(box);
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_ELEMENT);
    for (let e = walker.currentNode; e; e = walker.nextNode()) {
      if (e.shadowRoot && !this.isOurs(e)) {
        this.observe(e.shadowRoot);
        for (const child of e.shadowRoot.children) this.pending.push(child);
      }
    }
  }

  consider(element) {
    if (!(element instanceof Element) || this.isOurs(element)) return;
    if (!element.matches(this.selector)) return;
    // For contenteditable editors, the editing host is the box (never an inner block of it).
    if (element.isContentEditable && element.parentElement?.isContentEditable) return;
    const root = element.getRootNode();
    if (root instanceof ShadowRoot) this.observe(root);
    this.onBox(element);
  }
}
