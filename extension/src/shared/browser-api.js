// browser-api.js — the one place that picks the WebExtension namespace.
// Firefox exposes promise-based `browser.*`; Chromium exposes `chrome.*` (promise-based in MV3).
// Everything else imports `api` from here so no other file cares which browser it runs in.
export const api = globalThis.browser ?? globalThis.chrome;

// storage.managed throws on Firefox when no policies.json entry exists for the extension, and is
// absent in some test harnesses; both simply mean "the organisation set nothing".
export async function readManagedStorage() {
  try {
    if (!api?.storage?.managed) return {};
    return (await api.storage.managed.get(null)) ?? {};
  } catch {
    return {};
  }
}
