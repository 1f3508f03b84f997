// engine-start.js — starts the checker while the page is still being parsed. A classic script (run
// as the parser reaches it in <head>) with a dynamic import, because module scripts, even async
// ones, wait for the page's first layout and paint (~50–100 ms on a fresh page); the engine's
// download, compile and policy load then overlap the page's own loading.
import('./engine.js').then(({ loadChecker }) => loadChecker()).catch(() => {
  // The page's own import of engine.js reports the failure where the user sees it.
});
