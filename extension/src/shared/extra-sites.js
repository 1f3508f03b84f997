// extra-sites.js — networks a user adds beyond the five built in: the host they type becomes an
// optional host permission ("https://host/*"), granted by the browser's own prompt. Pure helpers.

export const builtInOrigins = Object.freeze([
  'https://*.x.com/*', 'https://*.twitter.com/*', 'https://*.facebook.com/*', 'https://*.instagram.com/*', 'https://*.linkedin.com/*',
]);

// "mastodon.social", "https://mastodon.social/home" → "https://mastodon.social/*"; null when not a host.
export function originPatternFor(input) {
  let text = String(input).trim().toLowerCase();
  if (!text) return null;
  if (!/^[a-z]+:\/\//.test(text)) text = `https://${text}`;
  let url;
  try { url = new URL(text); } catch { return null; }
  if (url.protocol !== 'https:' || url.username || url.port) return null;
  const host = url.hostname;
  if (!/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/.test(host)) return null;
  return `https://${host}/*`;
}

// The granted origins that are not built in (what the user added).
export function extraOrigins(grantedOrigins) {
  return (grantedOrigins ?? []).filter((o) => !builtInOrigins.includes(o) && /^https:\/\/[^*/]+\/\*$/.test(o)).sort();
}
