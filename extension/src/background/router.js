// router.js — answers the messages of content scripts and UI pages (see shared/messages.js).
// Only messages from this extension's own scripts are answered; anything else is ignored.
import { api } from '../shared/browser-api.js';
import { Messages, isKnownMessage } from '../shared/messages.js';
import { effectiveSettings } from '../shared/settings.js';
import { loadUserSettings, loadManagedSettings } from '../shared/settings-store.js';
import { siteForHostname } from '../shared/sites.js';
import { loadSites } from './site-files.js';

// `engine` is background/engine.js's createEngine() result.
export function installRouter(engine) {
  const currentSettings = async () => {
    const [user, managed, summary] = await Promise.all([loadUserSettings(), loadManagedSettings(), engine.policySummary()]);
    return { user, managed, summary, effective: effectiveSettings(user, managed, summary) };
  };

  const handlers = {
    async [Messages.contentToBackgroundCheck](message) {
      return engine.checkPost(message.text, message.context);
    },
    async [Messages.contentToBackgroundHello](message) {
      const [{ effective, summary }, sites] = await Promise.all([currentSettings(), loadSites()]);
      const site = siteForHostname(sites, message.hostname ?? '');
      return { site, policy: summary, settings: effective, enabled: !effective.disabledSites.includes(site.id) };
    },
    async [Messages.contentToBackgroundWarmUp]() {
      await engine.getChecker();
      return { ready: true };
    },
    async [Messages.uiToBackgroundStatus]() {
      const [{ user, managed, summary, effective }, sites] = await Promise.all([currentSettings(), loadSites()]);
      return {
        policy: summary,
        status: engine.policyStatus(),
        settings: effective,
        userSettings: user,
        managedKeys: Object.keys(managed),
        sites: sites.filter((s) => s.id !== 'generic').map((s) => ({ id: s.id, name: s.name })),
      };
    },
    async [Messages.uiToBackgroundDiagnostics]() {
      const tabs = await api.tabs.query({});
      const replies = await Promise.all(tabs.map((tab) => api.tabs.sendMessage(tab.id, { type: Messages.backgroundToContentDiagnostics })
        .then((stats) => ({ tabId: tab.id, ...stats }), () => null)));
      return replies.filter(Boolean);
    },
    async [Messages.uiToBackgroundPing]() {
      await engine.getChecker();
      return { ...engine.times, now: Date.now() };
    },
  };

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isKnownMessage(message) || sender?.id !== api.runtime.id) return false;
    handlers[message.type](message, sender).then(
      (reply) => sendResponse({ ok: true, reply }),
      (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }),
    );
    return true; // the reply is sent asynchronously
  });
}
