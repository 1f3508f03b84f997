// char-count.js — how long a post is in each network's own terms, and each network's limit.
// X weighs text like its open-source twitter-text library (config v3): most Latin, punctuation and
// symbols count 1, other scripts and every emoji count 2, and a link always counts 23. Facebook, Instagram
// and LinkedIn count characters as a reader sees them (an emoji made of several joined code points is one).

export const NETWORK_LIMITS = Object.freeze({
  x: { label: 'X', limit: 280, placeholder: 'What’s happening?' },
  facebook: { label: 'Facebook', limit: 63206, placeholder: 'What’s on your mind?' },
  instagram: { label: 'Instagram', limit: 2200, placeholder: 'Write a caption…' },
  linkedin: { label: 'LinkedIn', limit: 3000, placeholder: 'What do you want to talk about?' },
});

const X_URL_WEIGHT = 23;
// twitter-text v3's ranges that weigh 1; everything else weighs 2.
const X_LIGHT_RANGES = [[0x0000, 0x10ff], [0x2000, 0x200d], [0x2010, 0x201f], [0x2032, 0x2037]];
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|uk|net|gov|nhs|io|co)(?:\/[^\s]*)?/gi;
const EMOJI_PATTERN = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

// Made on first use of non-ASCII text: creating an Intl.Segmenter loads ICU's break rules, ~30 ms of
// main-thread time in a fresh Chromium page, which would otherwise delay everything after this module.
let segmenter;
const PLAIN_ASCII = /^[\x00-\x7f]*$/;

function graphemes(text) {
  // ASCII has no multi-character graphemes except CR LF.
  if (PLAIN_ASCII.test(text)) return text.match(/\r\n|[^]/g) ?? [];
  segmenter ??= typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

function xWeight(text) {
  let weight = 0;
  for (const grapheme of graphemes(text)) {
    if (EMOJI_PATTERN.test(grapheme)) { weight += 2; continue; }
    for (const char of grapheme) {
      const code = char.codePointAt(0);
      weight += X_LIGHT_RANGES.some(([low, high]) => code >= low && code <= high) ? 1 : 2;
    }
  }
  return weight;
}

export function countCharacters(text, network) {
  if (network === 'x') {
    let total = 0;
    let last = 0;
    for (const match of text.matchAll(URL_PATTERN)) {
      total += xWeight(text.slice(last, match.index)) + X_URL_WEIGHT;
      last = match.index + match[0].length;
    }
    return total + xWeight(text.slice(last));
  }
  return graphemes(text).length;
}

// A count as en-GB writes it ("63,206"). Not toLocaleString(): its first call loads ICU's number
// formats, ~30 ms of main-thread time in a fresh page, and the counter is drawn at start-up.
export function formatCount(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
