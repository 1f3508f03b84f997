// textarea-geometry.js — where characters of a <textarea> are on screen. A textarea exposes no
// Range over its text, so a hidden mirror <div> (inside our own shadow root, never in the page's
// DOM) copies its box and font and is measured instead; rects are then moved onto the textarea.

const copiedProperties = [
  'boxSizing', 'width', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
  'borderStyle', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'lineHeight', 'fontFamily',
  'fontFeatureSettings', 'fontKerning', 'textAlign', 'textTransform', 'textIndent', 'letterSpacing',
  'wordSpacing', 'tabSize', 'direction', 'whiteSpace', 'wordBreak', 'overflowWrap',
];

export class TextareaGeometry {
  constructor(mirrorParent) {
    this.mirror = document.createElement('div');
    this.mirror.setAttribute('aria-hidden', 'true');
    this.mirror.className = 'mirror';
    this.textNode = document.createTextNode('');
    this.mirror.append(this.textNode);
    mirrorParent.append(this.mirror);
  }

  // Copies the textarea's layout and text; call before rectsFor() whenever either may have changed.
  sync(textarea, limit = Infinity) {
    const style = getComputedStyle(textarea);
    const m = this.mirror.style;
    for (const p of copiedProperties) m[p] = style[p];
    m.boxSizing = 'content-box';
    // clientWidth excludes the scrollbar, so lines wrap where the textarea wraps them.
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    m.width = `${Math.max(0, textarea.clientWidth - padding)}px`;
    m.borderStyle = 'solid';
    m.borderColor = 'transparent';
    if (style.whiteSpace === 'normal' || style.whiteSpace === '') m.whiteSpace = 'pre-wrap';
    // Text after `limit` cannot move anything before it, so a huge paste is not laid out twice.
    const text = textarea.value.length > limit ? textarea.value.slice(0, limit) : textarea.value;
    if (this.textNode.data !== text) this.textNode.data = text;
    this.origin = this.mirror.getBoundingClientRect();
    const box = textarea.getBoundingClientRect();
    this.dx = box.left - this.origin.left - textarea.scrollLeft;
    this.dy = box.top - this.origin.top - textarea.scrollTop;
  }

  // Viewport rects of the characters [start, end) as laid out in the textarea.
  rectsFor(start, end) {
    const length = this.textNode.data.length;
    const range = document.createRange();
    range.setStart(this.textNode, Math.min(start, length));
    range.setEnd(this.textNode, Math.min(end, length));
    return [...range.getClientRects()].map((r) => new DOMRect(r.left + this.dx, r.top + this.dy, r.width, r.height));
  }

  dispose() {
    this.mirror.remove();
  }
}
