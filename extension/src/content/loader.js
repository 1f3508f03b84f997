// loader.js — the content script the manifest injects (classic scripts cannot `import`). It loads the
// ES-module content code from the extension into this isolated world; nothing is exposed to the page.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  import(api.runtime.getURL('src/content/main.js')).catch((error) => {
    console.warn('PostCheck could not start on this page:', error);
  });
})();
