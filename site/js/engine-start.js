// engine-start.js — starts the checker as soon as the parser reaches it. The site build inlines it as
// the first script in the <head> of the pages with a checker (an external script would wait for the
// stylesheet and the page's other downloads, ~100 ms on a fresh page; a module script for the first
// layout); the extension, whose pages allow no inline script, ships it as this file instead. Either
// way it compiles the checker's WebAssembly while the rest of the page downloads and creates the
// checker with it; js/engine.js hands that checker to the page (globalThis.postcheckStarting).
(() => {
  performance.mark('postcheck-start');
  document.documentElement.dataset.checkerStartMs = performance.now().toFixed(1);
  // Resolved against the page, so that the same text works inline and as an external script.
  const fromPage = (path) => new URL(path, document.baseURI).href;
  let wasmModule;
  if (typeof WebAssembly === 'object' && typeof WebAssembly.compileStreaming === 'function') {
    wasmModule = WebAssembly.compileStreaming(fetch(fromPage('lib/postcheck-core.wasm'), { credentials: 'same-origin' }));
    wasmModule.catch(() => {});  // createChecker() then loads the .wasm itself
  }
  const starting = import(fromPage('lib/postcheck.js'))
    .then(({ createChecker }) => createChecker({ wasmModule }))
    .then((checker) => {
      performance.mark('postcheck-ready');
      document.documentElement.dataset.checkerReadyMs = performance.now().toFixed(1);
      return checker;
    });
  starting.catch(() => {});  // js/engine.js reports a failure where the user sees it
  globalThis.postcheckStarting = starting;
})();
