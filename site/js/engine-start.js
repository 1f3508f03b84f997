// engine-start.js — inlined by the site build (tools/build-site.mjs) as the first script in the <head>
// of the pages with a checker, so that it runs as soon as the parser reaches it: an external script
// would wait for the page's other downloads and for the stylesheet (~100 ms on a fresh page), and a
// module script for the first layout. It starts compiling the checker's WebAssembly while the rest
// of the page downloads and creates the checker with it; js/engine.js hands that checker to the page
// (globalThis.postcheckStarting) and records the marks described there.
(() => {
  performance.mark('postcheck-start');
  document.documentElement.dataset.checkerStartMs = performance.now().toFixed(1);
  let wasmModule;
  if (typeof WebAssembly === 'object' && typeof WebAssembly.compileStreaming === 'function') {
    wasmModule = WebAssembly.compileStreaming(fetch('lib/postcheck-core.wasm', { credentials: 'same-origin' }));
    wasmModule.catch(() => {});  // createChecker() then loads the .wasm itself
  }
  const starting = import('./lib/postcheck.js')
    .then(({ createChecker }) => createChecker({ wasmModule }))
    .then((checker) => {
      performance.mark('postcheck-ready');
      document.documentElement.dataset.checkerReadyMs = performance.now().toFixed(1);
      return checker;
    });
  starting.catch(() => {});  // js/engine.js reports a failure where the user sees it
  globalThis.postcheckStarting = starting;
})();
