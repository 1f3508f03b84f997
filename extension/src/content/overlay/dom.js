// dom.js — a tiny element builder for the overlay (text is always set as text, never as HTML).
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

// Where to put a floating box of size (w, h) next to `anchor` (a DOMRect), kept inside the viewport.
export function placeNear(anchor, w, hgt) {
  const vw = document.documentElement.clientWidth || innerWidth;
  const vh = document.documentElement.clientHeight || innerHeight;
  let top = anchor.bottom + 6;
  if (top + hgt > vh - 4 && anchor.top - hgt - 6 >= 4) top = anchor.top - hgt - 6;
  const left = Math.min(Math.max(4, anchor.left), Math.max(4, vw - w - 4));
  return { left, top: Math.max(4, Math.min(top, vh - hgt - 4)) };
}
