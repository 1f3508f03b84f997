// underline-overlay.js — draws findings as wavy underlines behind a <textarea> without touching it.
//
//   .editor (position: relative)
//     .editor-backdrop (aria-hidden)        one .editor-layer per set of non-overlapping findings,
//       .editor-layer > text + <mark …>     each a mirror of the textarea's text and wrapping
//     textarea (transparent background)     the real input, on top
//
// Each mirror uses the textarea's font, padding and wrapping, so a <mark> sits exactly under its text.
// Overlapping findings go to separate layers, so every finding keeps its own marker (the test contract:
// each marker carries data-finding-category and data-finding-severity).

export class UnderlineOverlay {
  constructor(textarea, backdrop) {
    this.textarea = textarea;
    this.backdrop = backdrop;
    this.marks = [];
    // textarea may be null: Practice draws markers over a plain paragraph that never scrolls.
    textarea?.addEventListener('scroll', () => this.syncScroll());
  }

  // findings: [{ start, end, category, severity }] with UTF-16 offsets into text. Returns nothing;
  // afterwards this.marks[i] is the marker of findings[i].
  render(text, findings) {
    const layers = assignLayers(findings);
    const layerCount = Math.max(1, ...layers.map((l) => l + 1));
    const fragment = document.createDocumentFragment();
    this.marks = new Array(findings.length);
    for (let layer = 0; layer < layerCount; layer += 1) {
      const layerElement = document.createElement('div');
      layerElement.className = `editor-layer editor-layer-${Math.min(layer, 2)}`;
      let position = 0;
      findings.forEach((finding, index) => {
        if (layers[index] !== layer) return;
        const start = clamp(finding.start, position, text.length);
        const end = clamp(finding.end, start, text.length);
        layerElement.append(text.slice(position, start));
        const mark = document.createElement('mark');
        mark.dataset.findingCategory = finding.category;
        mark.dataset.findingSeverity = finding.severity;
        mark.dataset.findingIndex = String(index);
        mark.textContent = text.slice(start, end);
        layerElement.append(mark);
        this.marks[index] = mark;
        position = end;
      });
      // The zero-width space keeps a trailing newline's empty line, as the textarea shows it.
      layerElement.append(text.slice(position) + '\u200b');
      fragment.append(layerElement);
    }
    this.backdrop.replaceChildren(fragment);
    this.syncScroll();
  }

  setActive(index, active) {
    this.marks[index]?.classList.toggle('is-active', active);
  }

  syncScroll() {
    if (!this.textarea) return;
    this.backdrop.scrollTop = this.textarea.scrollTop;
    this.backdrop.scrollLeft = this.textarea.scrollLeft;
  }
}

// Greedy interval colouring: findings come sorted by start; each goes to the first layer whose last span
// ended at or before its start.
export function assignLayers(findings) {
  const layerEnds = [];
  return findings.map((finding) => {
    let layer = layerEnds.findIndex((end) => end <= finding.start);
    if (layer === -1) { layer = layerEnds.length; layerEnds.push(0); }
    layerEnds[layer] = finding.end;
    return layer;
  });
}

function clamp(value, low, high) {
  return Math.min(Math.max(value, low), high);
}

// Grows a textarea to fit its text, as social editors do, so it never scrolls away from its mirror.
export function autoGrow(textarea) {
  textarea.style.height = 'auto';
  const borders = textarea.offsetHeight - textarea.clientHeight;
  textarea.style.height = `${textarea.scrollHeight + borders}px`;
}
