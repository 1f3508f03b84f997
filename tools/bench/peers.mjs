// peers.mjs — one adapter per engine the benchmark times in Node: PostCheck's WebAssembly core through its
// public JS API, and each JavaScript peer installed as a dev dependency, called the way its README says to
// find everything in a text. Every adapter imports its library lazily inside load(), so a fresh process can
// time exactly "import + instantiate + compile" (cold start) and a broken peer fails alone, with its reason.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (tools/bench/../..); no import.meta.dirname, which Node 18 lacks. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const DIST_LIB = join(REPO_ROOT, 'dist', 'lib');
const requireFromRepo = createRequire(join(REPO_ROOT, 'package.json'));

/** The installed version of a dev dependency, read from its package.json (null if not installed). */
function installedVersion(packageName) {
  const manifest = join(REPO_ROOT, 'node_modules', ...packageName.split('/'), 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : null;
}

/** Number of whitespace-separated words a censoring filter changed: its only report of what it found. */
function wordsChanged(original, cleaned) {
  const before = original.split(/\s+/);
  const after = cleaned.split(/\s+/);
  let changed = 0;
  for (let i = 0; i < Math.min(before.length, after.length); i += 1) if (before[i] !== after[i]) changed += 1;
  return changed;
}

/**
 * Each adapter: name, package (npm name, or null for PostCheck), does (what the call covers, for the table),
 * wasmPath (a .wasm it ships, for the size comparison), and load(phases?) -> { check(text), async, count(result) }.
 * check() is the timed call; count() turns its result into a number of findings, outside the timed loop.
 */
export const ADAPTERS = [
  {
    name: 'postcheck-wasm',
    package: null,
    does: 'full default policy, all categories (wasm via JS API)',
    wasmPath: join(DIST_LIB, 'postcheck-core.wasm'),
    gluePaths: [join(DIST_LIB, 'postcheck.js'), join(DIST_LIB, 'postcheck-core.js')],
    version: () => JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version,
    // phases (optional) receives where a cold start goes: import, reading the .wasm, createChecker().
    async load(phases = {}) {
      const apiPath = join(DIST_LIB, 'postcheck.js');
      if (!existsSync(apiPath)) {
        throw Object.assign(new Error(`dist/lib/postcheck.js not built (cmake --preset wasm && cmake --build --preset wasm)`),
          { code: 'NOT_BUILT' });
      }
      let mark = performance.now();
      const lap = () => {
        const previous = mark;
        mark = performance.now();
        return mark - previous;
      };
      const { createChecker } = await import(pathToFileURL(apiPath).href);
      phases.import_ms = lap();
      const wasmBinary = readFileSync(join(DIST_LIB, 'postcheck-core.wasm'));
      phases.read_wasm_ms = lap();
      const checker = await createChecker({ wasmBinary });  // instantiate + parse and compile the default policy
      phases.create_checker_ms = lap();
      const context = { account: 'personal', authorised: false };
      return {
        async: false,
        check: (text) => checker.check(text, context),
        count: (result) => result.findings.length,
      };
    },
  },
  {
    name: 'obscenity',
    package: 'obscenity',
    does: 'profanity only (English dataset + recommended transformers)',
    async load() {
      const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = await import('obscenity');
      const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
      return { async: false, check: (text) => matcher.getAllMatches(text), count: (matches) => matches.length };
    },
  },
  {
    name: '@2toad/profanity',
    package: '@2toad/profanity',
    does: 'profanity only (censor, whole words)',
    async load() {
      const { profanity } = await import('@2toad/profanity');
      return {
        async: false,
        check: (text) => ({ text, cleaned: profanity.censor(text) }),
        count: (result) => wordsChanged(result.text, result.cleaned),
      };
    },
  },
  {
    name: 'bad-words',
    package: 'bad-words',
    does: 'profanity only (clean)',
    async load() {
      const { Filter } = await import('bad-words');
      const filter = new Filter();
      return {
        async: false,
        check: (text) => ({ text, cleaned: filter.clean(text) }),
        count: (result) => wordsChanged(result.text, result.cleaned),
      };
    },
  },
  {
    name: 'leo-profanity',
    package: 'leo-profanity',
    does: 'profanity only (clean)',
    async load() {
      const imported = await import('leo-profanity');
      const filter = imported.default ?? imported;
      return {
        async: false,
        check: (text) => ({ text, cleaned: filter.clean(text) }),
        count: (result) => wordsChanged(result.text, result.cleaned),
      };
    },
  },
  {
    name: 'alex',
    package: 'alex',
    does: 'insensitive / inconsiderate wording (text)',
    async load() {
      const { text: checkText } = await import('alex');
      return { async: false, check: (text) => checkText(text), count: (file) => file.messages.length };
    },
  },
  {
    name: 'harper.js',
    package: 'harper.js',
    does: 'grammar and spelling, Rust in wasm (LocalLinter, British)',
    wasmPath: (() => {
      try {
        return join(requireFromRepo.resolve('harper.js/package.json'), '..', 'dist', 'harper_wasm_bg.wasm');
      } catch {
        return join(REPO_ROOT, 'node_modules', 'harper.js', 'dist', 'harper_wasm_bg.wasm');
      }
    })(),
    async load() {
      const { LocalLinter, Dialect } = await import('harper.js');
      const { binary } = await import('harper.js/binary');
      const linter = new LocalLinter({ binary, dialect: Dialect.British });
      await linter.setup();
      const options = { language: 'plaintext' };
      return { async: true, check: (text) => linter.lint(text, options), count: (lints) => lints.length };
    },
  },
];

for (const adapter of ADAPTERS) {
  if (adapter.package) adapter.version = () => installedVersion(adapter.package);
}

/** The adapter called `name`, or undefined. */
export function findAdapter(name) {
  return ADAPTERS.find((adapter) => adapter.name === name);
}
