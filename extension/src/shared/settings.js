// settings.js — the user's settings, the organisation's managed values, and how they combine.
// Pure functions only (no storage access), so the background, the UI and unit tests share them.
// Rule of precedence: a value the organisation manages wins over the user's own choice.

export const settingsStorageKey = 'settings';

export const defaultSettings = Object.freeze({
  authorisedAccounts: [],   // accountKey() strings: charity accounts this user may post as
  disabledSites: [],        // site ids ("x", "facebook", …) where checking is off
  ignoredRules: [],         // rule ids the user chose to stop seeing (undoable in the popup)
  workingHours: Object.freeze({ enabled: false, start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] }),
});

const validSeverities = new Set(['block', 'warn', 'info']);

// "x:@carersinbeds": the network and the handle, compared case-insensitively as the networks do.
export function accountKey(network, handle) {
  return `${String(network).toLowerCase()}:${String(handle).trim().toLowerCase()}`;
}

function stringList(value, fold = (v) => v) {
  return Array.isArray(value) ? [...new Set(value.filter((v) => typeof v === 'string' && v !== '').map(fold))] : [];
}

const lowerCase = (v) => v.toLowerCase();

function clockTime(value, fallback) {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? value : fallback;
}

// Whatever was stored (possibly by an older version, possibly nothing) → a complete settings object.
export function normaliseSettings(stored) {
  const s = stored && typeof stored === 'object' ? stored : {};
  const wh = s.workingHours && typeof s.workingHours === 'object' ? s.workingHours : {};
  const days = Array.isArray(wh.days)
    ? [...new Set(wh.days.filter((d) => Number.isInteger(d) && d >= 0 && d <= 6))].sort()
    : [...defaultSettings.workingHours.days];
  return {
    authorisedAccounts: stringList(s.authorisedAccounts, lowerCase),
    disabledSites: stringList(s.disabledSites),
    ignoredRules: stringList(s.ignoredRules),
    workingHours: {
      enabled: wh.enabled === true,
      start: clockTime(wh.start, defaultSettings.workingHours.start),
      end: clockTime(wh.end, defaultSettings.workingHours.end),
      days,
    },
  };
}

// The managed values an admin may push (see extension/managed-schema.json); anything else is dropped.
export function normaliseManaged(managed) {
  const m = managed && typeof managed === 'object' ? managed : {};
  const out = {};
  if (typeof m.policy === 'string' && m.policy.trim() !== '') out.policy = m.policy;
  else if (m.policy && typeof m.policy === 'object') out.policy = JSON.stringify(m.policy);
  if (Array.isArray(m.authorisedAccounts)) out.authorisedAccounts = stringList(m.authorisedAccounts, lowerCase);
  if (m.contacts && typeof m.contacts === 'object' && !Array.isArray(m.contacts)) {
    const contacts = {};
    for (const [key, c] of Object.entries(m.contacts)) {
      if (c && typeof c.email === 'string' && c.email.includes('@')) {
        contacts[key] = { role: typeof c.role === 'string' ? c.role : key, email: c.email };
      }
    }
    if (Object.keys(contacts).length) out.contacts = contacts;
  }
  if (Array.isArray(m.holdSeverities)) out.holdSeverities = stringList(m.holdSeverities).filter((s) => validSeverities.has(s));
  return out;
}

// What the content scripts and the UI act on: user settings with managed values on top.
// `policySummary` is checker.policy (contacts, holdSeverities, charityAccounts, …).
export function effectiveSettings(userSettings, managed, policySummary) {
  const user = normaliseSettings(userSettings);
  const m = normaliseManaged(managed);
  return {
    ...user,
    authorisedAccounts: m.authorisedAccounts ?? user.authorisedAccounts,
    authorisedAccountsManaged: m.authorisedAccounts !== undefined,
    contacts: { ...(policySummary?.contacts ?? {}), ...(m.contacts ?? {}) },
    holdSeverities: m.holdSeverities ?? policySummary?.holdSeverities ?? ['block'],
    holdSeveritiesManaged: m.holdSeverities !== undefined,
  };
}

// Is `date` inside the user's working hours? Used only when the reminder is enabled (clause 4c).
export function isWithinWorkingHours(workingHours, date = new Date()) {
  if (!workingHours?.enabled) return false;
  if (!workingHours.days.includes(date.getDay())) return false;
  const minutes = date.getHours() * 60 + date.getMinutes();
  const toMinutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const start = toMinutes(workingHours.start);
  const end = toMinutes(workingHours.end);
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}
