// engine.js — loads the PostCheck checker (lib/postcheck.js: the same wasm core as the extension) once per
// page and records when it became ready, in milliseconds since navigation started:
//   <html data-checker-ready-ms>   ready (performance mark "postcheck-ready")
//   <html data-checker-start-ms>   when the page asked for it (mark "postcheck-start")
// so the readiness budget can be split into the page's own loading and the engine's start-up.
let loading = null;

export function loadChecker() {
  if (!loading) {
    const start = performance.now();
    performance.mark('postcheck-start');
    document.documentElement.dataset.checkerStartMs = start.toFixed(1);
    loading = (async () => {
      // A dynamic import so a missing engine shows a message on the page instead of breaking the module graph.
      const { createChecker } = await import('../lib/postcheck.js');
      const checker = await createChecker();
      const readyMs = performance.now();
      performance.mark('postcheck-ready');
      document.documentElement.dataset.checkerReadyMs = readyMs.toFixed(1);
      return checker;
    })();
  }
  return loading;
}

// The policy's contact for questions (clause 5), with a safe fallback when the policy has none.
export function communicationsOfficer(checker) {
  const contacts = checker?.policy?.contacts ?? {};
  const officer = contacts.communications_officer ?? Object.values(contacts).find((c) => /communications/i.test(c?.role ?? ''));
  return officer?.email ? officer : null;
}
