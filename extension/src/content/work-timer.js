// work-timer.js — how long PostCheck's content script keeps the page's main thread busy at a time.
// Each synchronous stretch of our work (a drawing slice, handling a reply, a watcher batch) is timed;
// the longest is kept per page and can be read back through the background (diagnostics only: no
// text, only durations), which is how the e2e tests prove a huge paste never blocks the page for long.
const longest = { ms: 0, label: '' };
let stretches = 0;

// Records one stretch of work that started at `startedAt` (performance.now()).
export function noteWork(label, startedAt) {
  const ms = performance.now() - startedAt;
  stretches += 1;
  if (ms > longest.ms) { longest.ms = ms; longest.label = label; }
}

export function workStats() {
  return { longestMs: Math.round(longest.ms * 10) / 10, longestLabel: longest.label, stretches };
}
