// extra-sites.js — runs the content script on networks the user added (optional host permissions,
// granted through the browser's prompt from the options page). The five built-in networks come from
// the manifest; these are registered at run time and follow the permissions as they are added/removed.
import { api } from '../shared/browser-api.js';
import { extraOrigins } from '../shared/extra-sites.js';

const scriptId = 'postcheck-extra-sites';

export async function syncExtraSites() {
  if (!api.scripting?.registerContentScripts) return; // "scripting" not granted: nothing was added
  const origins = extraOrigins((await api.permissions.getAll()).origins);
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [scriptId] });
  if (existing.length) await api.scripting.unregisterContentScripts({ ids: [scriptId] });
  if (origins.length) {
    await api.scripting.registerContentScripts([{ id: scriptId, matches: origins, js: ['content.js'], runAt: 'document_idle' }]);
  }
}

export function watchExtraSites() {
  api.permissions.onAdded.addListener(() => syncExtraSites().catch(() => {}));
  api.permissions.onRemoved.addListener(() => syncExtraSites().catch(() => {}));
  syncExtraSites().catch(() => {});
}
