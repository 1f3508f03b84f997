// main.js — the background entry (MV3 service worker on Chromium, background script on Firefox).
// Listeners are registered synchronously at the top level, as MV3 requires for a worker that is
// woken by an event; the checker starts compiling at once so the first check finds it warm.
import { createChecker } from '../../lib/postcheck.js';
import { api } from '../shared/browser-api.js';
import { loadManagedSettings } from '../shared/settings-store.js';
import { createEngine } from './engine.js';
import { watchExtraSites } from './extra-sites.js';
import { installRouter } from './router.js';

const engine = createEngine(createChecker);
installRouter(engine);
engine.getChecker();
watchExtraSites();

async function syncManagedPolicy() {
  const managed = await loadManagedSettings();
  await engine.applyManagedPolicy(managed.policy);
}

api.storage.onChanged.addListener((_changes, area) => {
  if (area === 'managed') syncManagedPolicy();
});
syncManagedPolicy();
