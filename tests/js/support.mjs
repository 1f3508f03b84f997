// support.mjs — shared by the JS API tests: where the built artefacts and the shared corpus are, and a
// checker made from the real dist/lib/postcheck.js with the bytes handed over (Node cannot fetch files).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const distLib = path.join(repo, 'dist/lib');
export const shared = path.resolve(repo, '../shared');
export const cli = path.join(repo, 'build/native/tools/postcheck');

export const wasmBinary = () => readFileSync(path.join(distLib, 'postcheck-core.wasm'));

export async function loadApi() {
  return import(path.join(distLib, 'postcheck.js'));
}

export async function makeChecker(options = {}) {
  const { createChecker } = await loadApi();
  return createChecker({ wasmBinary: wasmBinary(), ...options });
}

// A small policy that pins the API's behaviour independently of the default policy's content.
export const smallPolicy = {
  format: 1,
  name: 'API test policy',
  version: '0.0.1',
  organisation: { names: ['Carers in Bedfordshire'], accounts: [{ network: 'x', handle: '@CarersinBeds', display_name: 'Carers in Bedfordshire' }] },
  contacts: { communications_officer: { role: 'Communications Officer', email: 'comms@example.org' } },
  rules: [
    { id: 'swear', kind: 'lexicon', category: 'disrepute', severity: 'block', clause: '4c', message: 'Profanity.',
      advice: 'Take it out.', terms: ['fuck*', 'shit'], masked: true, suggestion: { action: 'mask' } },
    { id: 'phone', kind: 'recognizer', category: 'personal-data', severity: 'block', clause: '4c',
      message: 'A phone number.', advice: 'Remove it.', recognizer: 'uk-phone' },
    { id: 'stance', kind: 'absence', category: 'speaking-for-charity', severity: 'warn', clause: '4c',
      message: 'Sounds like the charity speaking.', advice: 'Say it is your view.', match: { terms: ['we believe'] },
      near: { terms: ['views my own'] }, suggestion: { action: 'append', text: ' (Views my own.)' } },
    { id: 'unauthorised', kind: 'context', category: 'charity-account-misuse', severity: 'block', clause: '4a',
      message: 'Not an authorised user.', advice: 'Ask the Communications Officer.',
      when: { account: 'charity', authorised: false } },
  ],
};
