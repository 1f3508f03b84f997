// settings-store.js — reading and updating the user's settings in storage.local.
// Only settings live there (no post text ever: see the README's privacy section).
import { api, readManagedStorage } from './browser-api.js';
import { normaliseSettings, normaliseManaged, settingsStorageKey } from './settings.js';

export async function loadUserSettings() {
  const stored = await api.storage.local.get(settingsStorageKey);
  return normaliseSettings(stored?.[settingsStorageKey]);
}

// Applies `change` (a function from settings to settings) and stores the result.
export async function updateUserSettings(change) {
  const next = normaliseSettings(change(await loadUserSettings()));
  await api.storage.local.set({ [settingsStorageKey]: next });
  return next;
}

export async function loadManagedSettings() {
  return normaliseManaged(await readManagedStorage());
}
