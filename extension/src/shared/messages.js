// messages.js — every message between the extension's layers, named with its direction.
// Content scripts and UI pages send requests to the background; the background only replies.
// Anything arriving from elsewhere (a web page, another extension) is ignored by the router.
export const Messages = Object.freeze({
  // content → background: check a post. { text, context: { account, authorised } } → CheckReply
  contentToBackgroundCheck: 'content-to-background:check',
  // content → background: what a compose box needs to know. {} → ContentState
  contentToBackgroundHello: 'content-to-background:hello',
  // content → background: start the engine now (a compose box got focus; hides a worker restart).
  contentToBackgroundWarmUp: 'content-to-background:warm-up',
  // ui → background: policy, managed-settings status and settings for the popup/options pages.
  uiToBackgroundStatus: 'ui-to-background:status',
  // ui → background: when the worker and the engine started (a measuring aid for the report).
  uiToBackgroundPing: 'ui-to-background:ping',
  // ui → background → content: each tab's longest stretch of content-script work (durations only).
  uiToBackgroundDiagnostics: 'ui-to-background:diagnostics',
  backgroundToContentDiagnostics: 'background-to-content:diagnostics',
});

const knownTypes = new Set(Object.values(Messages));

// True when `message` is one of ours, shaped as { type, ... }.
export function isKnownMessage(message) {
  return message !== null && typeof message === 'object' && knownTypes.has(message.type);
}
