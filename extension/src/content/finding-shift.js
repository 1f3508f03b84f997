// finding-shift.js — keeps findings on the right words while the user types, between two checks.
// Pure string arithmetic (unit-tested in tests/js/extension).

// Moves findings computed on `before` onto `after` (one contiguous edit found by common prefix and
// suffix): findings wholly before or after the edit keep their text; ones it touches are dropped
// until the next check. This keeps underlines on the right words while the user is still typing.
export function shiftFindings(findings, before, after) {
  if (before === after) return findings;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (suffix < max - prefix
    && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix += 1;
  const editEndBefore = before.length - suffix;
  const delta = after.length - before.length;
  const out = [];
  for (const f of findings) {
    if (f.end <= prefix) out.push(f);
    else if (f.start >= editEndBefore) out.push({ ...f, start: f.start + delta, end: f.end + delta });
  }
  return out;
}
