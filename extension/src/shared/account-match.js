// account-match.js — telling from page text whether the user acts as one of the charity's accounts
// (clause 4a), and whether a new account/page name uses the charity's name. Pure string work.

// Lower-case, accents and punctuation dropped, runs of space collapsed: "Carers-in  Beds!" → "carers in beds".
export function foldName(text) {
  return String(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9@_]+/g, ' ')
    .trim();
}

function containsWords(haystack, needle) {
  if (!needle) return false;
  return ` ${haystack} `.includes(` ${needle} `);
}

// The charity account (from policy.charityAccounts) named in `pageTexts` for network `network`, or null.
// match "handle": look for the handle with or without its "@"; "display_name": the display name.
export function findCharityAccount(pageTexts, network, charityAccounts, match) {
  const folded = pageTexts.map(foldName).filter(Boolean);
  for (const account of charityAccounts ?? []) {
    if (account.network !== network) continue;
    const handle = foldName(account.handle).replace(/^@/, '');
    const name = foldName(account.display_name);
    for (const text of folded) {
      const bare = text.replace(/@/g, '');
      if (match === 'handle' && containsWords(bare, handle)) return account;
      if (match === 'display_name' && (containsWords(text, name) || containsWords(bare, handle))) return account;
    }
  }
  return null;
}

// True when `typed` (a new account or page name) contains one of the charity's names or handles.
export function usesOrganisationName(typed, organisationNames, handles = []) {
  const text = foldName(typed);
  if (!text) return false;
  const squashed = text.replace(/ /g, '');
  return [...organisationNames, ...handles].some((n) => {
    const name = foldName(n).replace(/^@/, '');
    return name !== '' && (containsWords(text, name) || squashed.includes(name.replace(/ /g, '')));
  });
}
