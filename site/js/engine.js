// engine.js — loads the PostCheck checker (lib/postcheck.js: the same wasm core as the extension) once per
// page and records how long after navigation it became ready. The figure is exposed as
// <html data-checker-ready-ms> and as the performance mark "postcheck-ready" so tests and curious trainers
// can read it.
let loading = null;

export function loadChecker() {
  if (!loading) {
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
