// main.js — the content side's entry (bundled into content.js by tools/build-extension.mjs; it runs in
// the page's isolated world).
// Wires the pieces for one page: the site file and policy summary from the background, the overlay,
// the compose-box watcher, one ComposeSession per box, the post guard and the sign-up reminder.
// Nothing here is visible to the page's own scripts (no globals; the overlay is ours by reference).
import { api } from '../shared/browser-api.js';
import { Messages } from '../shared/messages.js';
import { settingsStorageKey } from '../shared/settings.js';
import { updateUserSettings } from '../shared/settings-store.js';
import { AccountContext } from './account-context.js';
import { checkerClient, ExtensionStopped } from './checker-client.js';
import { ComposeSession } from './compose-session.js';
import { ComposeWatcher } from './compose-watcher.js';
import { HoldDialog } from './overlay/hold-dialog.js';
import { Notice } from './overlay/notice.js';
import { OverlayRoot } from './overlay/overlay-root.js';
import { PostGuard } from './post-guard.js';
import { SignupReminder } from './signup-reminder.js';
import { workStats } from './work-timer.js';

const state = { site: null, policy: null, settings: null, enabled: false, active: null, stopped: false };

function sessions() {
  return state.active ? [...state.active.sessions.values()].filter((s) => s.connected) : [];
}

function activate() {
  const overlay = new OverlayRoot();
  const active = { overlay, sessions: new Map(), lastActive: null, workingHoursShown: false };
  state.active = active;
  const notice = new Notice(overlay);
  const accountContext = new AccountContext(state.site);
  const env = {
    overlay, client: checkerClient, site: state.site, accountContext,
    getPolicy: () => state.policy,
    getSettings: () => state.settings,
    onPolicyKey: (key) => { if (key !== state.policy?.key) refreshFromBackground(); },
    onStopped: stopForGood,
    ignoreRule: (rule) => updateUserSettings((s) => ({ ...s, ignoredRules: [...s.ignoredRules, rule] })).catch(() => {}),
    refreshAll: () => sessions().forEach((s) => s.refresh()),
    showNote: (rect, text) => notice.show(rect, [text]),
    get workingHoursShown() { return active.workingHoursShown; },
    set workingHoursShown(v) { active.workingHoursShown = v; },
  };
  const dropRemoved = () => {
    overlay.attach();
    for (const [box, session] of active.sessions) {
      if (!box.isConnected) { session.dispose(); active.sessions.delete(box); }
    }
  };
  active.watcher = new ComposeWatcher(state.site, {
    isOurs: (node) => overlay.contains(node),
    onRemoved: dropRemoved,
    onBox: (box) => {
      if (active.sessions.has(box)) return;
      dropRemoved();
      active.sessions.set(box, new ComposeSession(box, env));
    },
  });
  active.guard = new PostGuard({
    site: state.site, sessions, dialog: new HoldDialog(overlay),
    getPolicy: () => state.policy, lastActive: () => active.lastActive,
  });
  active.reminder = new SignupReminder({ site: state.site, notice, getPolicy: () => state.policy, getSettings: () => state.settings });

  let frame = 0;
  let pointer = null;
  const relayoutAll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => { frame = 0; sessions().forEach((s) => s.scheduleLayout()); });
  };
  const hover = () => {
    const { x, y } = pointer;
    pointer = null;
    for (const s of sessions()) {
      const index = s.findingAt(x, y);
      if (index >= 0) {
        if (s.card.finding !== s.findings[index]) s.openCard(index, { focus: false });
        s.card.cancelHide();
        return;
      }
      if (s.card.isOpen && !s.card.element.matches(':hover')) s.card.hideSoon();
    }
  };
  active.listeners = [
    [window, 'scroll', relayoutAll, { capture: true, passive: true }],
    [window, 'resize', relayoutAll, { passive: true }],
    [document, 'mousemove', (e) => {
      if (!pointer) requestAnimationFrame(hover);
      pointer = { x: e.clientX, y: e.clientY };
    }, { passive: true }],
    [window, 'focusin', (e) => {
      const target = e.composedPath()[0];
      const session = sessions().find((s) => s.box === target);
      if (session) active.lastActive = session;
    }, { capture: true, passive: true }],
  ];
  for (const [t, type, fn, opts] of active.listeners) t.addEventListener(type, fn, opts);
  active.watcher.start();
  active.guard.start();
  active.reminder.start();
}

function deactivate() {
  const active = state.active;
  if (!active) return;
  state.active = null;
  active.watcher.stop();
  active.guard.stop();
  active.reminder.stop();
  for (const [t, type, fn, opts] of active.listeners) t.removeEventListener(type, fn, opts);
  for (const s of active.sessions.values()) s.dispose();
  active.overlay.remove();
}

// The extension was reloaded, updated or removed: take everything down; the text stays as it is.
function stopForGood() {
  state.stopped = true;
  deactivate();
}

let refreshing = null;
function refreshFromBackground() {
  refreshing ??= checkerClient.hello(location.hostname).then((hello) => {
    refreshing = null;
    applyHello(hello);
  }, (error) => {
    refreshing = null;
    if (error instanceof ExtensionStopped) stopForGood();
  });
  return refreshing;
}

function applyHello(hello) {
  if (state.stopped) return;
  state.site = hello.site;
  state.policy = hello.policy;
  state.settings = hello.settings;
  state.enabled = hello.enabled;
  if (state.enabled && !state.active) activate();
  else if (!state.enabled && state.active) deactivate();
  else sessions().forEach((s) => s.refresh());
}

async function start() {
  // The first answer needs the engine started in the background, which can take seconds on a busy
  // machine or after the worker was stopped: ask again with growing pauses (~1 min in all) before
  // staying out of the way.
  let hello = null;
  for (let attempt = 0; !hello; attempt += 1) {
    try {
      hello = await checkerClient.hello(location.hostname);
    } catch (error) {
      if (error instanceof ExtensionStopped || attempt >= 4) return;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  applyHello(hello);
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (message?.type !== Messages.backgroundToContentDiagnostics || sender?.id !== api.runtime.id) return false;
    sendResponse(workStats());
    return false;
  });
  api.storage.onChanged.addListener((changes, area) => {
    if (state.stopped) return;
    if (area === 'managed' || (area === 'local' && settingsStorageKey in changes)) refreshFromBackground();
  });
}

start();
