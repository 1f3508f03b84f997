// postcheck.d.ts — types of the PostCheck JavaScript API (dist/lib/postcheck.js).

export type Severity = 'block' | 'warn' | 'info';
export type Category =
  | 'personal-data' | 'client-confidentiality' | 'professional-boundaries' | 'disrepute'
  | 'work-grumble' | 'speaking-for-charity' | 'charity-account-misuse' | 'security';

export interface Suggestion {
  /** replace: put `text` in place of the excerpt; remove: delete the excerpt; append: add `text` at the end of the post. */
  action: 'replace' | 'remove' | 'append';
  text: string;
}

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  /** The policy clause, e.g. "4c". */
  clause: string;
  /** UTF-16 code-unit index (a JavaScript string index) where the finding starts. */
  start: number;
  /** UTF-16 code-unit index where it ends (exclusive). */
  end: number;
  /** text.slice(start, end) */
  excerpt: string;
  message: string;
  advice: string;
  suggestion: Suggestion | null;
}

export interface CheckContext {
  /** Default 'personal'. */
  account?: 'personal' | 'charity';
  /** Whether the poster is an authorised user of the charity's accounts. Default false. */
  authorised?: boolean;
}

export interface Contact { role: string; email: string; }
export interface CharityAccount { network: string; handle: string; display_name: string; }

export interface PolicyInfo {
  name: string;
  version: string;
  ruleCount: number;
  contacts: Record<string, Contact>;
  charityAccounts: CharityAccount[];
  organisationNames: string[];
  holdSeverities: Severity[];
}

export class PolicyError extends Error {
  /** Stable error code of the first error, e.g. "field.unknown". */
  code: string;
  /** JSON pointer of the first error, e.g. "/rules/3/severity". */
  path: string;
  line: number;
  column: number;
  /** Every error as "line:column: code at path: message". */
  errors: string[];
}

export interface Checker {
  check(text: string, context?: CheckContext): { findings: Finding[] };
  readonly policy: PolicyInfo;
  /** Diagnostics: bytes of the wasm heap in use, and the size of the wasm memory (which never shrinks). */
  readonly memory: { heapUsed: number; memoryBytes: number };
  /** Throws PolicyError; the previous policy stays in force. */
  setPolicy(policy: string | object): void;
}

export interface CreateCheckerOptions {
  /** Policy JSON text or object; the built-in default policy when absent. */
  policy?: string | object;
  /** The bytes of postcheck-core.wasm; fetched from beside postcheck.js when absent. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /**
   * postcheck-core.wasm already compiled, e.g. WebAssembly.compileStreaming(fetch(url)) started while a
   * page loads. If it rejects, the .wasm is loaded as if this were absent.
   */
  wasmModule?: WebAssembly.Module | Promise<WebAssembly.Module>;
}

export function createChecker(options?: CreateCheckerOptions): Promise<Checker>;
