// fix-applier.js — applies one finding's suggestion through the editor's own input path, the only
// way PostCheck ever changes a post. It selects the span, offers the edit as a cancelable
// `beforeinput` (Lexical-style editors apply it to their model and cancel it); if no editor took it,
// it runs execCommand, the browser's native edit that Draft.js, Quill and textareas follow. Then it
// verifies the text, and stops at the first surprise. It never writes the editor's DOM directly:
// inserting markup into those editors corrupts them.
import { domPointAt, isTextControl, rangeFor, readEditorText } from './editor-text.js';

// The text a post will have once `suggestion` is applied to the finding [start, end) of `text`.
export function textAfterFix(text, finding) {
  const s = finding.suggestion;
  if (s.action === 'append') return text + s.text;
  const replacement = s.action === 'remove' ? '' : s.text;
  return text.slice(0, finding.start) + replacement + text.slice(finding.end);
}

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

function selectSpan(box, segments, textLength, finding) {
  const selection = document.getSelection();
  if (finding.suggestion.action === 'append') {
    const end = domPointAt(segments, textLength, false);
    if (!end) return false;
    selection.setBaseAndExtent(end.node, end.offset, end.node, end.offset);
    return true;
  }
  const range = rangeFor(segments, finding.start, finding.end);
  if (!range) return false;
  selection.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  return true;
}

// Resolves to { ok, expected, actual }. `text` must be the text the finding was computed on.
export async function applyFix(box, text, finding) {
  const expected = textAfterFix(text, finding);
  const replacement = finding.suggestion.action === 'remove' ? '' : finding.suggestion.text;
  box.focus({ preventScroll: true });
  if (isTextControl(box)) {
    if (box.value !== text) return { ok: false, expected, actual: box.value };
    const [start, end] = finding.suggestion.action === 'append' ? [text.length, text.length] : [finding.start, finding.end];
    box.setSelectionRange(start, end);
    const done = replacement === '' ? document.execCommand('delete') : document.execCommand('insertText', false, replacement);
    if (!done) { // execCommand is unavailable: the native equivalent, announced as an input like typing is
      box.setRangeText(replacement, start, end, 'end');
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
    }
  } else {
    const { text: now, segments } = readEditorText(box);
    if (now !== text || !selectSpan(box, segments, text.length, finding)) return { ok: false, expected, actual: now };
    // execCommand fires no beforeinput (Input Events spec), so editors that only listen to
    // beforeinput (Lexical) are offered the edit first, as the event they would have seen.
    const offer = new InputEvent('beforeinput', { inputType: replacement === '' ? 'deleteContentBackward' : 'insertText',
      data: replacement === '' ? null : replacement, bubbles: true, cancelable: true, composed: true });
    const taken = !box.dispatchEvent(offer);
    await nextFrame();
    const afterOffer = readEditorText(box).text;
    if (afterOffer === expected) return { ok: true, expected, actual: afterOffer };
    if (taken || afterOffer !== text) return { ok: false, expected, actual: afterOffer }; // never edit twice
    if (!selectSpan(box, readEditorText(box).segments, text.length, finding)) return { ok: false, expected, actual: afterOffer };
    if (replacement === '') document.execCommand('delete');
    else document.execCommand('insertText', false, replacement);
  }
  // Editors built on a view library may re-render on the next frame; give them a few.
  let actual = '';
  for (let i = 0; i < 10; i += 1) {
    actual = readEditorText(box).text;
    if (actual === expected) return { ok: true, expected, actual };
    await nextFrame();
  }
  return { ok: false, expected, actual };
}
