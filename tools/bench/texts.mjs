// texts.mjs — the benchmark's deterministic input: mixed English social-media text of an exact JavaScript
// string length (UTF-16 code units), generated from a seeded PRNG so every run, every machine and every
// engine (native, wasm, the JavaScript peers) times the very same bytes. The mix is what a charity's staff
// write on X, Facebook, Instagram and LinkedIn: everyday sentences with emoji (ZWJ sequences and skin
// tones too), curly quotes, accented names, UK phone numbers, emails, postcodes, URLs and some profanity,
// plain and disguised ("f*ck", "sh1t"), so every engine has something to find.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The three sizes the issues ask for: a tweet, a long post, and Facebook's 63,206-character maximum. */
export const TEXT_SIZES = Object.freeze([280, 3000, 63206]);

/** The seed is fixed: changing it changes every published figure's input, so it is part of the method. */
export const TEXT_SEED = 0x5eed2024;

// mulberry32: a tiny, well-mixed 32-bit PRNG; the benchmark needs reproducibility, not cryptography.
function mulberry32(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = [
  'Had a lovely morning at the carers’ café in Bedford',
  'Huge thanks to everyone who came to the coffee morning',
  'Just back from the support group and feeling a bit emotional',
  'Reminder: the drop-in session moves to Thursday this week',
  'Can’t believe how quickly this year has gone',
  'Our young carers did a sponsored walk round Priory Country Park',
  'Honestly the traffic on the A421 today was a nightmare',
  'Spent the afternoon helping Zoë sort out her mum’s benefits forms',
  'Proud of the team at Kempston for the résumé workshop',
  'Anyone else find the new parking rules at the hospital confusing',
  'Mum had a good day today, which makes all the difference',
  'We’re recruiting volunteers for the befriending service',
  'The naïve part of me thought the forms would be simple',
  'Lovely chat with José and Chloë about respite breaks',
  'Raining again in Luton, of course',
];

const MIDDLES = [
  'and the cake was “absolutely incredible” according to Dad',
  'so if you’re a carer and need a break, please get in touch',
  'and honestly some days it’s just too much',
  'which was brilliant, though the tea was a bit weak',
  'and the kids said it was ‘the best day ever’',
  'because nobody should have to do this on their own',
  'and we raised £1,240 for the young carers’ fund',
  'but the lift was broken AGAIN so we took the stairs',
  'and I’m still smiling about it hours later',
  'while the council keeps moving the goalposts',
  'so please share this with anyone who might need it',
  'and yes, I did cry a little at the end',
];

const CLOSERS = ['.', '!', '!!', '…', '?', '. #CarersWeek', '. #UnpaidCarers', ' — more soon.', '. x'];

const EMOJI = [
  '😊', '❤️', '🙏', '👍', '👍🏽', '👋🏿', '🎉', '☕', '🌧️', '💪🏻', '😂', '🥲',
  '👨‍👩‍👧‍👦', '👩🏾‍⚕️', '🏳️‍🌈', '🧑‍🦽', '❤️‍🩹', '🇬🇧', '✨', '💜',
];

const PHONES = ['07700 900123', '07700 900 456', '+44 7700 900789', '01234 567890', '(01582) 496 0123', '0800 123 4567'];
const EMAILS = ['jane.smith@example.org.uk', 'help@carers-example.org', 'tom_b1982@example.com', 'info@example.co.uk'];
const POSTCODES = ['MK40 1AB', 'LU1 2AA', 'SG18 8QB', 'MK42 9XY', 'LU7 1EE'];
const URLS = [
  'https://www.example.org.uk/carers/support?ref=social',
  'http://bit.ly/3xAmpl3',
  'www.example.com/events/coffee-morning',
  'https://example.org/news/2024/05/young-carers-walk',
];
const PROFANITY = [
  'shit', 'sh1t', 'f*ck', 'fucking', 'bloody', 'damn', 'crap', 'b*llocks', 'pissed off', 'WTF', 'a$$hole', 'feck',
];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

/** One sentence-sized piece of text; about one in three carries a contact detail, one in six a swear word. */
function nextPiece(random) {
  let sentence = `${pick(random, OPENERS)} ${pick(random, MIDDLES)}${pick(random, CLOSERS)}`;
  const roll = random();
  if (roll < 0.1) sentence += ` Call me on ${pick(random, PHONES)}.`;
  else if (roll < 0.2) sentence += ` Email ${pick(random, EMAILS)} for details.`;
  else if (roll < 0.27) sentence += ` We’re at ${pick(random, POSTCODES)} if you want to pop in.`;
  else if (roll < 0.35) sentence += ` More here: ${pick(random, URLS)}`;
  if (random() < 0.17) {
    const word = pick(random, PROFANITY);
    sentence = random() < 0.5 ? `${sentence} What a ${word} day.` : `${sentence} Honestly, ${word}.`;
  }
  if (random() < 0.6) sentence += ` ${pick(random, EMOJI)}`;
  if (random() < 0.3) sentence += pick(random, EMOJI);
  return sentence + (random() < 0.15 ? '\n\n' : ' ');
}

// Short endings used to land on the exact length without ever splitting a surrogate pair or ZWJ sequence;
// the last ones are one and two code units long, so any remainder can be filled.
const TAIL_PIECES = ['Thanks all 🙏 ', 'So proud 💜 ', 'Ring 07700 900123 ', 'Love this ', 'sh1t ', 'x ', ' '];

/**
 * Returns text of exactly `length` UTF-16 code units. Whole pieces are appended while they fit; the rest is
 * padded with short whole endings, so no emoji or surrogate pair is ever cut in half.
 */
export function generateText(length, seed = TEXT_SEED) {
  const random = mulberry32(seed ^ length);
  const parts = [];
  let size = 0;
  // When a piece does not fit, a few more are drawn in case a shorter one does; only then is it padded.
  for (let misses = 0; misses < 40; ) {
    const piece = nextPiece(random);
    if (size + piece.length > length) {
      misses += 1;
      continue;
    }
    parts.push(piece);
    size += piece.length;
  }
  while (size < length) {
    const fitting = TAIL_PIECES.filter((tail) => tail.length <= length - size);
    const tail = pick(random, fitting);
    parts.push(tail);
    size += tail.length;
  }
  return parts.join('');
}

/** The first 12 hex digits of the SHA-256 of the UTF-8 bytes: enough to see that two runs timed the same text. */
export function shortHash(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

/**
 * Generates every size and writes build/bench/text-<size>.txt (UTF-8, no BOM) under `outDir`.
 * Returns [{ size, path, text, bytes, hash }].
 */
export function writeTexts(outDir, sizes = TEXT_SIZES) {
  mkdirSync(outDir, { recursive: true });
  return sizes.map((size) => {
    const text = generateText(size);
    if (text.length !== size) throw new Error(`texts.mjs: generated ${text.length} code units, wanted ${size}`);
    const path = join(outDir, `text-${size}.txt`);
    writeFileSync(path, text, 'utf8');
    return { size, path, text, bytes: Buffer.byteLength(text, 'utf8'), hash: shortHash(text) };
  });
}
