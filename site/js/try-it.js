// try-it.js — the "Try it" page: a compose box checked live by the real PostCheck engine.
//
//   controls (account, authorised, network) ─┐
//   textarea [data-postcheck-demo] ── input ─┼─> check() ─> UnderlineOverlay (markers behind the text)
//   example buttons ─────────────────────────┘            ─> finding cards (Fix / Ignore once / Ask)
//                                                         ─> live region (announced after a typing pause)
import { loadChecker, communicationsOfficer } from './engine.js';
import { UnderlineOverlay, autoGrow } from './underline-overlay.js';
import { applySuggestion, renderFindingCards, summariseFindings } from './finding-cards.js';
import { NETWORK_LIMITS, countCharacters, formatCount } from './char-count.js';

// The engine starts first: its download and compile overlap the page's own set-up below.
const checkerLoading = loadChecker();

const ANNOUNCE_AFTER_MS = 700;  // long enough not to interrupt typing, short enough to feel live

const elements = {
  textarea: document.getElementById('post-text'),
  backdrop: document.getElementById('editor-backdrop'),
  composer: document.getElementById('composer'),
  avatar: document.getElementById('composer-avatar'),
  name: document.getElementById('composer-name'),
  handle: document.getElementById('composer-handle'),
  authorised: document.getElementById('authorised'),
  count: document.getElementById('char-count'),
  limit: document.getElementById('char-limit'),
  counter: document.getElementById('char-counter'),
  postButton: document.getElementById('post-button'),
  postResult: document.getElementById('post-result'),
  cards: document.getElementById('finding-cards'),
  status: document.getElementById('findings-status'),
  heading: document.getElementById('findings-title'),
  info: document.getElementById('checker-info'),
  examples: document.getElementById('example-list'),
};

const state = {
  checker: null,
  findings: [],          // what is shown: the checker's findings minus those ignored once
  ignored: new Set(),    // rule + excerpt of findings the user ignored, until the text is replaced
  announceTimer: 0,
  lastAnnounced: '',
};

const overlay = new UnderlineOverlay(elements.textarea, elements.backdrop);

function selectedValue(name) {
  return document.querySelector(`input[name="${name}"]:checked`)?.value;
}

function context() {
  return { account: selectedValue('account') ?? 'personal', authorised: elements.authorised.checked };
}

function ignoreKey(finding) {
  return `${finding.rule}\u0000${finding.excerpt}`;
}

function check({ announceNow = false } = {}) {
  const text = elements.textarea.value;
  updateCounter(text);
  autoGrow(elements.textarea);
  if (!state.checker) return;
  const { findings } = state.checker.check(text, context());
  state.findings = findings
    .filter((finding) => !state.ignored.has(ignoreKey(finding)))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  overlay.render(text, state.findings);
  renderFindingCards(elements.cards, state.findings, {
    actions: true,
    contact: communicationsOfficer(state.checker),
    onFix: fix,
    onIgnore: ignoreOnce,
    onHover: (index, active) => overlay.setActive(index, active),
  });
  elements.heading.textContent = state.findings.length
    ? `What PostCheck found (${state.findings.length})` : 'What PostCheck found';
  elements.postResult.textContent = '';
  scheduleAnnouncement(announceNow);
}

// The live region changes only after a pause, so a screen reader is not interrupted at every keystroke.
function scheduleAnnouncement(now) {
  clearTimeout(state.announceTimer);
  const announce = () => {
    const sentence = elements.textarea.value.trim() ? summariseFindings(state.findings) : 'Start typing to check a post.';
    if (sentence !== state.lastAnnounced) {
      elements.status.textContent = sentence;
      state.lastAnnounced = sentence;
    }
  };
  if (now) announce();
  else state.announceTimer = setTimeout(announce, ANNOUNCE_AFTER_MS);
}

function fix(index) {
  const finding = state.findings[index];
  if (!finding?.suggestion) return;
  const { text, caret } = applySuggestion(elements.textarea.value, finding);
  elements.textarea.value = text;
  check({ announceNow: true });
  elements.status.textContent = `Fixed. ${summariseFindings(state.findings)}`;
  state.lastAnnounced = elements.status.textContent;
  elements.textarea.focus();
  elements.textarea.setSelectionRange(caret, caret);
}

function ignoreOnce(index) {
  const finding = state.findings[index];
  if (!finding) return;
  state.ignored.add(ignoreKey(finding));
  check({ announceNow: true });
  // Keep keyboard users in the list: focus the card that took this one's place, or the heading.
  const next = elements.cards.children[Math.min(index, elements.cards.children.length - 1)];
  (next?.querySelector('button') ?? elements.heading).focus();
}

function updateCounter(text) {
  const network = selectedValue('network') ?? 'x';
  const { limit } = NETWORK_LIMITS[network];
  const used = countCharacters(text, network);
  elements.count.textContent = formatCount(used);
  elements.limit.textContent = formatCount(limit);
  const over = used > limit;
  elements.counter.classList.toggle('is-over', over);
  document.getElementById('char-counter-unit').textContent =
    over ? `characters: ${formatCount(used - limit)} over the ${NETWORK_LIMITS[network].label} limit` : 'characters';
}

function charityIdentity(network) {
  const accounts = state.checker?.policy?.charityAccounts ?? [];
  const account = accounts.find((a) => a?.network === network) ?? accounts[0] ?? {};
  return {
    name: account.display_name ?? account.displayName ?? 'Carers in Bedfordshire',
    handle: account.handle ?? '@CarersinBeds',
  };
}

function updateComposer() {
  const network = selectedValue('network') ?? 'x';
  const { account } = context();
  elements.composer.dataset.network = network;
  elements.composer.dataset.account = account;
  elements.textarea.placeholder = NETWORK_LIMITS[network].placeholder;
  if (account === 'charity') {
    const identity = charityIdentity(network);
    elements.avatar.textContent = 'CiB';
    elements.name.textContent = identity.name;
    elements.handle.textContent = `${identity.handle} · the charity’s account`;
  } else {
    elements.avatar.textContent = 'Me';
    elements.name.textContent = 'You';
    elements.handle.textContent = 'your personal account';
  }
}

function onPost() {
  const holds = state.checker?.policy?.holdSeverities ?? ['block'];
  const held = state.findings.filter((finding) => holds.includes(finding.severity));
  if (!elements.textarea.value.trim()) {
    elements.postResult.textContent = 'Write something first.';
  } else if (held.length) {
    elements.postResult.textContent = `The extension would hold this post and ask you to check it first: `
      + `${held.length} ${held.length === 1 ? 'problem' : 'problems'} must be fixed. (Nothing is posted from this page.)`;
  } else if (state.findings.length) {
    elements.postResult.textContent = 'The extension would let this post go, but read the warnings first. (Nothing is posted from this page.)';
  } else {
    elements.postResult.textContent = 'Looks good: PostCheck found nothing. (Nothing is posted from this page.)';
  }
  elements.postResult.classList.toggle('is-held', held.length > 0);
}

async function loadExamples() {
  const response = await fetch('examples.json');
  const { examples } = await response.json();
  const items = examples.map((example) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'example-button';
    button.textContent = example.label;
    button.dataset.exampleId = example.id;
    button.addEventListener('click', () => {
      document.getElementById(`account-${example.account}`).checked = true;
      document.getElementById(`network-${example.network}`).checked = true;
      elements.authorised.checked = example.authorised;
      elements.textarea.value = example.text;
      state.ignored.clear();
      updateComposer();
      check({ announceNow: true });
      elements.textarea.focus();
    });
    item.append(button);
    return item;
  });
  elements.examples.replaceChildren(...items);
}

function bind() {
  elements.textarea.addEventListener('input', () => {
    if (!elements.textarea.value) state.ignored.clear();
    check();
  });
  for (const input of document.querySelectorAll('input[name="account"], input[name="network"], #authorised')) {
    input.addEventListener('change', () => { updateComposer(); check({ announceNow: true }); });
  }
  elements.postButton.addEventListener('click', onPost);
  // Ctrl/Cmd+Enter posts, as on the networks themselves.
  elements.textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); onPost(); }
  });
  let lastWidth = 0;
  new ResizeObserver(([entry]) => {
    if (entry.contentRect.width !== lastWidth) { lastWidth = entry.contentRect.width; autoGrow(elements.textarea); }
  }).observe(elements.textarea);
}

bind();
updateComposer();
check();
loadExamples().catch((error) => {
  elements.examples.textContent = `The example posts could not be loaded (${error.message}).`;
});
checkerLoading.then((checker) => {
  state.checker = checker;
  updateComposer();
  const ready = Number(document.documentElement.dataset.checkerReadyMs);
  elements.info.textContent = `Checking with “${checker.policy.name}” version ${checker.policy.version} `
    + `(${checker.policy.ruleCount} rules), ready ${Math.round(ready)} ms after the page started loading.`;
  elements.textarea.closest('.editor').classList.add('is-ready');
  check({ announceNow: true });
}, (error) => {
  elements.status.textContent = 'The checker could not be loaded, so posts cannot be checked on this page.';
  elements.info.textContent = `Details: ${error.message}`;
  console.warn('PostCheck: engine failed to load', error);
});
