// editor-text.js — the text of a compose box as the network will post it, with a map from string
// indexes back to DOM positions, so findings (UTF-16 indexes) can be drawn and fixed in place.
// Read-only: nothing here changes the editor's DOM.
//
// Contenteditable editors (Draft.js, Lexical, Quill) keep one leaf block element per line; the text
// is the blocks' text joined by "\n". A lone <br> in a block is an empty line's placeholder.

const blockTags = new Set(['DIV', 'P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR']);

export function isTextControl(box) {
  return box instanceof HTMLTextAreaElement || (box instanceof HTMLInputElement && box.type === 'text');
}

function hasBlockChild(element) {
  for (let c = element.firstElementChild; c; c = c.nextElementSibling) if (blockTags.has(c.tagName)) return true;
  return false;
}

function isPlaceholderBreak(br) {
  const parent = br.parentElement;
  if (!parent) return false;
  // Draft wraps it: <div><span><br data-text="true"></span></div>; Lexical/Quill: <p><br></p>.
  let block = parent;
  while (block && !blockTags.has(block.tagName)) block = block.parentElement;
  return block !== null && (block.textContent === '') && block.querySelectorAll('br').length === 1;
}

// { text, segments } where segments[i] = { node, start } maps text[start, start + node.data.length)
// to a Text node. For textareas, segments is empty and indexes are the control's own.
export function readEditorText(box) {
  if (isTextControl(box)) return { text: box.value, segments: [] };
  const segments = [];
  let text = '';
  let leafBlocks = 0;
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, skipIslands);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.data.length === 0) continue;
      segments.push({ node, start: text.length });
      text += node.data;
    } else if (node.tagName === 'BR') {
      if (!isPlaceholderBreak(node)) text += '\n';
    } else if (blockTags.has(node.tagName) && !hasBlockChild(node)) {
      if (leafBlocks > 0 || text.length > 0) text += '\n';
      leafBlocks += 1;
    }
  }
  return { text, segments };
}

// Non-editable islands (decorations inside mention chips), styles and scripts are not part of the post.
function skipIslands(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) return NodeFilter.FILTER_ACCEPT;
  if (node.tagName === 'STYLE' || node.tagName === 'SCRIPT' || node.getAttribute('contenteditable') === 'false') {
    return NodeFilter.FILTER_REJECT;
  }
  return NodeFilter.FILTER_ACCEPT;
}

// The DOM point for string index `index`. Indexes that fall on a "\n" between blocks snap to the end
// of the text before them (or, with preferNext, the start of the text after them).
export function domPointAt(segments, index, preferNext = false) {
  if (segments.length === 0) return null;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) { // last segment whose start <= index
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= index) lo = mid; else hi = mid - 1;
  }
  const seg = segments[lo];
  const end = seg.start + seg.node.data.length;
  if (index < seg.start) return { node: seg.node, offset: 0 };
  if (index <= end) {
    if (index === end && preferNext && lo + 1 < segments.length && segments[lo + 1].start === end) {
      return { node: segments[lo + 1].node, offset: 0 };
    }
    return { node: seg.node, offset: index - seg.start };
  }
  if (preferNext && lo + 1 < segments.length) return { node: segments[lo + 1].node, offset: 0 };
  return { node: seg.node, offset: seg.node.data.length };
}

// A DOM Range over [start, end) of a contenteditable's text (null for textareas or empty editors).
export function rangeFor(segments, start, end) {
  const a = domPointAt(segments, start, true);
  const b = domPointAt(segments, end, false);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  if (range.collapsed && end > start) range.setStart(b.node, b.offset); // crossed a line break only
  return range;
}
