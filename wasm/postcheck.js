// postcheck.js — the public JavaScript API of PostCheck: createChecker() loads the WebAssembly core
// (the same C++ the native tests test) and returns a checker with plain-object findings whose
// start/end are JavaScript string indexes (UTF-16 code units). Works in pages, MV3 service workers,
// Firefox background scripts and Node 18+. Nothing here touches the network except fetching
// postcheck-core.wasm from beside this file when no bytes are given.
import createPostcheckCore from './postcheck-core.js';

const CORE_WASM = 'postcheck-core.wasm';

/** A policy that failed to load: the message names the code, JSON path and line:column of each error. */
export class PolicyError extends Error {
  constructor(outcome) {
    const lines = outcome.errors.trim().split('\n');
    super(`Invalid policy (${lines.length} error${lines.length === 1 ? '' : 's'}): ${lines.join('; ')}`);
    this.name = 'PolicyError';
    this.code = outcome.code;
    this.path = outcome.path;
    this.line = outcome.line;
    this.column = outcome.column;
    this.errors = lines;
  }
}

async function loadWasmBytes() {
  const url = new URL(CORE_WASM, import.meta.url);
  if (url.protocol === 'file:') {
    // Node: fetch() cannot read file URLs there.
    const { readFile } = await import('node:fs/promises');
    return readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`PostCheck: cannot load ${url.href} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

function policyText(policy) {
  if (typeof policy === 'string') return policy;
  if (policy && typeof policy === 'object') return JSON.stringify(policy, null, 2);
  throw new TypeError('PostCheck: a policy is JSON text or a plain object');
}

function describe(engine) {
  const info = engine.policyInfo();
  return Object.freeze({
    name: info.name,
    version: info.version,
    ruleCount: info.ruleCount,
    contacts: JSON.parse(info.contactsJson),
    charityAccounts: JSON.parse(info.accountsJson),
    organisationNames: JSON.parse(info.organisationNamesJson),
    holdSeverities: JSON.parse(info.holdSeveritiesJson),
  });
}

class Checker {
  #engine;
  #policy;

  #memoryBytes;

  constructor(engine, memoryBytes) {
    this.#engine = engine;
    this.#memoryBytes = memoryBytes;
    this.#policy = describe(engine);
  }

  /**
   * Checks one post. Returns { findings: [{ rule, category, severity, clause, start, end, excerpt,
   * message, advice, suggestion }] }, sorted by start; suggestion is null or { action, text }.
   */
  check(text, context = {}) {
    if (typeof text !== 'string') throw new TypeError('PostCheck: check() takes the post text as a string');
    const account = context.account ?? 'personal';
    if (account !== 'personal' && account !== 'charity') {
      throw new TypeError(`PostCheck: account must be 'personal' or 'charity', not ${JSON.stringify(account)}`);
    }
    const raw = this.#engine.check(text, account === 'charity', context.authorised === true);
    const findings = raw.map((f) => ({
      rule: f.rule,
      category: f.category,
      severity: f.severity,
      clause: f.clause,
      start: f.start,
      end: f.end,
      excerpt: text.slice(f.start, f.end),
      message: f.message,
      advice: f.advice,
      suggestion: f.suggestionAction ? { action: f.suggestionAction, text: f.suggestionText } : null,
    }));
    return { findings };
  }

  /** { name, version, ruleCount, contacts, charityAccounts, organisationNames, holdSeverities } */
  get policy() {
    return this.#policy;
  }

  /** Diagnostics: bytes of the wasm heap in use and the size of wasm memory (it never shrinks). */
  get memory() {
    return { heapUsed: this.#engine.heapUsed(), memoryBytes: this.#memoryBytes() };
  }

  /** Replaces the policy. Throws PolicyError and keeps the previous policy when the new one is invalid. */
  setPolicy(policy) {
    const outcome = this.#engine.load(policyText(policy));
    if (!outcome.ok) throw new PolicyError(outcome);
    this.#policy = describe(this.#engine);
  }
}

/**
 * Loads the core and a policy (the built-in default when `policy` is absent).
 * options.wasmBinary: the bytes of postcheck-core.wasm (otherwise fetched from beside this file).
 */
export async function createChecker(options = {}) {
  const wasmBinary = options.wasmBinary ?? (await loadWasmBytes());
  const core = await createPostcheckCore({ wasmBinary, print: () => {}, printErr: () => {} });
  const engine = new core.Engine();
  const outcome = options.policy === undefined ? engine.loadDefault() : engine.load(policyText(options.policy));
  if (!outcome.ok) throw new PolicyError(outcome);
  return new Checker(engine, () => core.HEAPU8.buffer.byteLength);
}
