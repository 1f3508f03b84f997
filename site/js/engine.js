// engine.js — the PostCheck checker (lib/postcheck.js: the same wasm core as the extension), once per
// page: the one the inlined js/engine-start.js started while the page loaded, or else one made here.
// Either records when it was asked for and when it became ready, in milliseconds since navigation:
//   <html data-checker-start-ms>   when the page asked for it (mark "postcheck-start")
//   <html data-checker-ready-ms>   ready (performance mark "postcheck-ready")
// so the readiness budget can be split into the page's own loading and the engine's start-up.
let loading = null;

function mark(name, attribute) {
  performance.mark(name);
  document.documentElement.dataset[attribute] = performance.now().toFixed(1);
}

async function createHere() {
  mark('postcheck-start', 'checkerStartMs');
  // A dynamic import so a missing engine shows a message on the page instead of breaking the module graph.
  const { createChecker } = await import('../lib/postcheck.js');
  const checker = await createChecker();
  mark('postcheck-ready', 'checkerReadyMs');
  return checker;
}

export function loadChecker() {
  loading ??= globalThis.postcheckStarting ?? createHere();
  return loading;
}

// The policy's contact for questions (clause 5), with a safe fallback when the policy has none.
export function communicationsOfficer(checker) {
  const contacts = checker?.policy?.contacts ?? {};
  const officer = contacts.communications_officer ?? Object.values(contacts).find((c) => /communications/i.test(c?.role ?? ''));
  return officer?.email ? officer : null;
}
