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

const wasmUrl = () => new URL(CORE_WASM, import.meta.url);

// Node: fetch() cannot read file URLs there, so the bytes are read from disk.
async function readWasmFile(url) {
  const { readFile } = await import('node:fs/promises');
  return readFile(url);
}

function instantiateFile(url, onError) {
  return (imports, receive) => {
    readWasmFile(url)
      .then((bytes) => WebAssembly.instantiate(bytes, imports))
      .then((result) => receive(result.instance, result.module), onError);
    return {};
  };
}

// Browsers: compile while downloading, and let the browser cache the compiled code, by
// instantiating from the response stream; fall back to the bytes when the server sends the .wasm
// with another MIME type than application/wasm.
function instantiateStreaming(url, onError) {
  return (imports, receive) => {
    const fromBytes = () =>
      fetch(url)
        .then((response) => {
          if (!response.ok) throw new Error(`PostCheck: cannot load ${url.href} (HTTP ${response.status})`);
          return response.arrayBuffer();
        })
        .then((bytes) => WebAssembly.instantiate(bytes, imports));
    const streaming =
      typeof WebAssembly.instantiateStreaming === 'function'
        ? WebAssembly.instantiateStreaming(fetch(url), imports).catch(fromBytes)
        : fromBytes();
    streaming.then((result) => receive(result.instance, result.module), onError);
    return {};
  };
}

// A module compiled beforehand (e.g. by a page while it loads): instantiated as it is; if it
// cannot be (a failed fetch or compile), loaded from `fallback` instead. Only getting the instance
// falls back: an error once it is handed over is reported, not retried.
function instantiateCompiled(compiled, fallback, onError) {
  return (imports, receive) => {
    Promise.resolve(compiled)
      .then((module) => WebAssembly.instantiate(module, imports).then((instance) => [instance, module]))
      .then(([instance, module]) => receive(instance, module), () => fallback(imports, receive))
      .catch(onError);
    return {};
  };
}

function policyText(policy) {
  if (typeof policy === 'string') return policy;
  if (policy && typeof policy === 'object') return JSON.stringify(policy, null, 2);
  throw new TypeError('PostCheck: a policy is JSON text or a plain object');
}

// Text crosses into and out of the engine as UTF-8 bytes in wasm memory, encoded and decoded here by
// the platform's own TextEncoder/TextDecoder (Embind's string conversion is a JavaScript loop per byte).
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** Writes `text` into the engine's input buffer; returns the number of UTF-8 bytes written. */
function writeInput(engine, text) {
  return utf8.encodeInto(text, engine.inputBuffer(text.length * 3)).written;
}

/** Hands JSON policy text to the engine. */
function loadPolicy(engine, text) {
  return engine.loadInput(writeInput(engine, text));
}

// The policy (one JSON text from the engine, made once per policy): what `policy` shows, and the
// rules as findings show them, so that check() gets only numbers from the engine.
function describe(engine) {
  const { rules, ...info } = JSON.parse(utf8Decoder.decode(engine.describe()));
  return {
    policy: Object.freeze({ ...info, ruleCount: rules.length }),
    rules: rules.map((rule) => Object.freeze(rule)),
  };
}

// Per finding, checkInput() in the engine gives: rule index, start, end (UTF-16), and whether the fix is
// none (0), the rule's own (1), or one made for this finding (2: engine.suggestionText(i)).
const FINDING_FIELDS = 4;
const OWN_SUGGESTION = 2;

class Checker {
  #engine;
  #policy;
  #rules;

  #memoryBytes;

  constructor(engine, memoryBytes) {
    this.#engine = engine;
    this.#memoryBytes = memoryBytes;
    ({ policy: this.#policy, rules: this.#rules } = describe(engine));
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
    // The post goes in as UTF-8, written by TextEncoder straight into wasm memory (at most three
    // bytes per UTF-16 unit); the findings come out as a view of wasm memory, copied at once since a
    // later call may grow (and so detach) it.
    const written = writeInput(this.#engine, text);
    const raw = this.#engine.checkInput(written, account === 'charity', context.authorised === true).slice();
    const findings = [];
    for (let i = 0; i < raw.length; i += FINDING_FIELDS) {
      const rule = this.#rules[raw[i]];
      const start = raw[i + 1];
      const end = raw[i + 2];
      let suggestion = null;
      if (raw[i + 3] === OWN_SUGGESTION) {
        suggestion = { action: 'replace', text: this.#engine.suggestionText(i / FINDING_FIELDS) };
      } else if (raw[i + 3] !== 0 && rule.suggestion) {
        suggestion = { action: rule.suggestion.action, text: rule.suggestion.text };
      }
      findings.push({
        rule: rule.id,
        category: rule.category,
        severity: rule.severity,
        clause: rule.clause,
        start,
        end,
        excerpt: text.slice(start, end),
        message: rule.message,
        advice: rule.advice,
        suggestion,
      });
    }
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
    const outcome = loadPolicy(this.#engine, policyText(policy));
    if (!outcome.ok) throw new PolicyError(outcome);
    ({ policy: this.#policy, rules: this.#rules } = describe(this.#engine));
  }
}

/**
 * Loads the core and a policy (the built-in default when `policy` is absent).
 * options.wasmBinary: the bytes of postcheck-core.wasm (otherwise fetched from beside this file).
 * options.wasmModule: postcheck-core.wasm already compiled (a WebAssembly.Module or a promise of one);
 * when it fails, the .wasm is loaded as if it were absent.
 */
export async function createChecker(options = {}) {
  const moduleOptions = { print: () => {}, printErr: () => {} };
  const url = wasmUrl();
  let loadFailed;
  const failed = new Promise((_, reject) => { loadFailed = reject; });
  if (options.wasmBinary) {
    moduleOptions.wasmBinary = options.wasmBinary;
  } else if (options.wasmModule) {
    moduleOptions.instantiateWasm = instantiateCompiled(options.wasmModule, url.protocol === 'file:'
      ? instantiateFile(url, loadFailed) : instantiateStreaming(url, loadFailed), loadFailed);
  } else if (url.protocol === 'file:') {
    moduleOptions.wasmBinary = await readWasmFile(url);
  } else {
    moduleOptions.instantiateWasm = instantiateStreaming(url, loadFailed);
  }
  const core = await Promise.race([createPostcheckCore(moduleOptions), failed]);
  const engine = new core.Engine();
  const outcome = options.policy === undefined ? engine.loadDefault() : loadPolicy(engine, policyText(options.policy));
  if (!outcome.ok) throw new PolicyError(outcome);
  return new Checker(engine, () => core.HEAPU8.buffer.byteLength);
}
