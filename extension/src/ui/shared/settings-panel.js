// settings-panel.js — the settings both the popup and the options page show: the policy in force
// (and a managed policy that failed), authorised charity accounts, per-site on/off, ignored rules
// (undoable), the working-hours reminder and the training page. Managed values are shown locked.
import { api } from '../../shared/browser-api.js';
import { Messages } from '../../shared/messages.js';
import { extraOrigins, originPatternFor } from '../../shared/extra-sites.js';
import { accountKey } from '../../shared/settings.js';
import { updateUserSettings } from '../../shared/settings-store.js';

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'checked') element.checked = Boolean(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) element.append(c);
  return element;
}

export async function loadStatus() {
  const response = await api.runtime.sendMessage({ type: Messages.uiToBackgroundStatus });
  if (!response?.ok) throw new Error(response?.error ?? 'The background did not answer');
  return response.reply;
}

// Renders into `container`; re-renders itself after every change. `detailed` adds the working-hours times.
export async function renderSettingsPanel(container, { detailed = false } = {}) {
  const status = await loadStatus();
  const { policy, settings } = status;
  const save = async (change) => { await updateUserSettings(change); await renderSettingsPanel(container, { detailed }); };
  const toggleIn = (list, item, on) => (on ? [...new Set([...list, item])] : list.filter((x) => x !== item));
  const sections = [];

  sections.push(h('section', { 'aria-labelledby': 'policy-h' },
    h('h2', { id: 'policy-h' }, 'Policy'),
    h('p', { 'data-testid': 'policy-name' }, `${policy.name} — version ${policy.version}`),
    h('p', { class: 'muted' }, policy.source === 'managed' ? 'Set by your organisation.' : 'Built into PostCheck.'),
    status.status.managedPolicyError ? h('p', { class: 'error', role: 'alert', 'data-testid': 'managed-policy-error' },
      'Your organisation’s policy could not be loaded, so the built-in policy is in force. ',
      h('code', {}, status.status.managedPolicyError)) : null));

  const accounts = policy.charityAccounts ?? [];
  sections.push(h('section', { 'aria-labelledby': 'accounts-h' },
    h('h2', { id: 'accounts-h' }, 'Charity accounts I am authorised to use'),
    h('p', { class: 'muted' }, settings.authorisedAccountsManaged ? 'Set by your organisation.'
      : 'Only tick an account if the Community Engagement Lead has authorised you (clause 4a).'),
    accounts.length === 0 ? h('p', {}, 'The policy lists no charity accounts.') : h('ul', { class: 'plain' }, accounts.map((a) => {
      const key = accountKey(a.network, a.handle);
      return h('li', {}, h('label', {}, h('input', { type: 'checkbox', checked: settings.authorisedAccounts.includes(key),
        disabled: settings.authorisedAccountsManaged, 'data-account': key,
        onchange: (e) => save((s) => ({ ...s, authorisedAccounts: toggleIn(s.authorisedAccounts, key, e.target.checked) })) }),
      ` ${a.display_name} (${a.handle}) on ${status.sites.find((s) => s.id === a.network)?.name ?? a.network}`));
    }))));

  sections.push(h('section', { 'aria-labelledby': 'sites-h' },
    h('h2', { id: 'sites-h' }, 'Check my posts on'),
    h('ul', { class: 'plain' }, status.sites.map((site) => h('li', {}, h('label', {},
      h('input', { type: 'checkbox', checked: !settings.disabledSites.includes(site.id), 'data-site': site.id,
        onchange: (e) => save((s) => ({ ...s, disabledSites: toggleIn(s.disabledSites, site.id, !e.target.checked) })) }),
      ` ${site.name}`))))));

  if (detailed) sections.push(await otherNetworksSection(() => renderSettingsPanel(container, { detailed })));

  sections.push(h('section', { 'aria-labelledby': 'ignored-h' },
    h('h2', { id: 'ignored-h' }, 'Rules I stopped seeing'),
    settings.ignoredRules.length === 0 ? h('p', { class: 'muted' }, 'None.') : h('ul', { class: 'plain' },
      settings.ignoredRules.map((rule) => h('li', {}, h('code', {}, rule), ' ',
        h('button', { type: 'button', 'data-undo-rule': rule,
          onclick: () => save((s) => ({ ...s, ignoredRules: s.ignoredRules.filter((r) => r !== rule) })) }, 'Show again'))))));

  const wh = settings.workingHours;
  const setWh = (patch) => save((s) => ({ ...s, workingHours: { ...s.workingHours, ...patch } }));
  const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  sections.push(h('section', { 'aria-labelledby': 'hours-h' },
    h('h2', { id: 'hours-h' }, 'Working-hours reminder'),
    h('label', {}, h('input', { type: 'checkbox', checked: wh.enabled, 'data-testid': 'working-hours',
      onchange: (e) => setWh({ enabled: e.target.checked }) }),
    ' Remind me during working hours that personal, non-work use is for breaks and lunch (clause 4c)'),
    detailed ? h('p', {},
      h('label', {}, 'From ', h('input', { type: 'time', value: wh.start, onchange: (e) => setWh({ start: e.target.value }) })), ' ',
      h('label', {}, 'to ', h('input', { type: 'time', value: wh.end, onchange: (e) => setWh({ end: e.target.value }) })), ' ',
      dayNames.map((d, i) => h('label', { class: 'day' }, h('input', { type: 'checkbox', checked: wh.days.includes(i),
        onchange: (e) => setWh({ days: toggleIn(wh.days, i, e.target.checked) }) }), d))) : null));

  sections.push(h('section', { 'aria-labelledby': 'help-h' },
    h('h2', { id: 'help-h' }, 'Learn more'),
    h('p', {}, h('a', { href: api.runtime.getURL('site/index.html'), target: '_blank', 'data-testid': 'training-link' },
      'Training: the social media policy with examples')),
    settings.contacts?.communications_officer ? h('p', {}, 'Questions: ',
      h('a', { href: `mailto:${settings.contacts.communications_officer.email}` }, settings.contacts.communications_officer.role)) : null));

  container.replaceChildren(...sections);
}

// Networks beyond the five: each is an optional host permission the browser asks the user to grant;
// the background then runs the content script there (background/extra-sites.js).
async function otherNetworksSection(rerender) {
  const granted = extraOrigins((await api.permissions.getAll()).origins);
  const input = h('input', { type: 'text', id: 'extra-site', placeholder: 'mastodon.social', 'aria-describedby': 'extra-help' });
  const message = h('p', { class: 'muted', id: 'extra-help', role: 'status' },
    'PostCheck checks posts on another network only after your browser asks you to allow it.');
  const add = async () => {
    const origin = originPatternFor(input.value);
    if (!origin) { message.textContent = 'Type a web address such as mastodon.social.'; return; }
    const ok = await api.permissions.request({ origins: [origin], permissions: ['scripting'] }).catch(() => false);
    if (ok) await rerender(); else message.textContent = 'Not added: the permission was not granted.';
  };
  return h('section', { 'aria-labelledby': 'extra-h' },
    h('h2', { id: 'extra-h' }, 'Other networks'),
    granted.length ? h('ul', { class: 'plain' }, granted.map((o) => h('li', {}, h('code', {}, o.replace('https://', '').replace('/*', '')), ' ',
      h('button', { type: 'button', onclick: async () => { await api.permissions.remove({ origins: [o] }); await rerender(); } }, 'Remove')))) : null,
    h('p', {}, h('label', { for: 'extra-site' }, 'Add a network: '), input, ' ', h('button', { type: 'button', onclick: add }, 'Add')),
    message);
}
