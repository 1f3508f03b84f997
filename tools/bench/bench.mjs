#!/usr/bin/env node
// bench.mjs — the side-by-side benchmark (issue 4 "Benchmark", issue 2 §7): in one run, on the same
// deterministic texts (tools/bench/texts.mjs), it times the native core (build/native/tools/postcheck_bench),
// the wasm core through the public JS API, and each JavaScript peer (tools/bench/peers.mjs); measures cold
// start in fresh processes and the .wasm size; compares everything with the targets; and prints a table
// (or, with --markdown, the README's Benchmark section). Raw figures go to build/bench/results.json.
// A tool, not a timed test: figures depend on the machine, so they are reported, never asserted.
//
//   node tools/bench/bench.mjs [--quick] [--markdown] [--only=NAME,...] [--from=results.json]
//
// Works on Node 18 (Debian 12): no import.meta.dirname and no Node-20-only APIs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

import { ADAPTERS, REPO_ROOT, findAdapter } from './peers.mjs';
import { TEXT_SEED, TEXT_SIZES, writeTexts } from './texts.mjs';

const OUT_DIR = join(REPO_ROOT, 'build', 'bench');
const NATIVE_BENCH = join(REPO_ROOT, 'build', 'native', 'tools', 'postcheck_bench');
const SUBJECT = 'postcheck-wasm';
const HEADLINE_SIZE = 3000;  // the size the targets name ("a 3,000-character post")

// How long to time each engine on each text. A default run must finish in about three minutes on a
// 2-core machine and --quick in about thirty seconds, so every loop is bounded by time as well as count.
const SETTINGS = {
  default: {
    warmupMs: 200, warmupMinRuns: 3,
    budgetMs: 1000, minRuns: 200, maxRuns: 100000,
    capMs: 5000,          // stop timing one engine on one text after this, whatever the count
    skipAboveMs: 15000,   // skip a size whose projected warm-up + 3 runs would take longer than this
    coldRuns: 11, coldBudgetMs: 30000,  // fresh processes on 2 cores vary by ±30% (V8 tiers up in the background)
    coldSkipAboveMs: Infinity,
  },
  quick: {
    warmupMs: 50, warmupMinRuns: 2,
    budgetMs: 150, minRuns: 30, maxRuns: 20000,
    capMs: 1000,
    skipAboveMs: 2500,
    coldRuns: 3, coldBudgetMs: 1500,  // a slow starter is started once, not three times
    coldSkipAboveMs: 3000,            // and one that took longer than this to load here (harper.js) not at all
  },
};

// The targets from issues 2 (§7) and 4; sizes in SI kilobytes (1 KB = 1,000 bytes, the stricter reading).
const TARGETS = {
  wasmMedianUs: 25,
  coldStartMs: 15,
  wasmRawBytes: 300_000,
  wasmGzipBytes: 120_000,
  nativeToWasm: 2,
  nativeMbPerS: 300,
  nativeMedianUs: 10,
};

// ---------------------------------------------------------------------------------------------- arguments

function parseArguments(argv) {
  const options = { quick: false, markdown: false, only: null, from: null, coldStart: null, text: null };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inlineValue] = argv[i].split(/=(.*)/s, 2);
    const value = () => inlineValue ?? argv[++i];
    if (flag === '--quick') options.quick = true;
    else if (flag === '--markdown') options.markdown = true;
    else if (flag === '--only') options.only = value().split(',').map((name) => name.trim());
    else if (flag === '--from') options.from = value();
    else if (flag === '--cold-start') options.coldStart = value();  // internal: one fresh-process measurement
    else if (flag === '--text') options.text = value();
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node tools/bench/bench.mjs [--quick] [--markdown] [--only=NAME,...] [--from=results.json]\n' +
        `engines: native, ${ADAPTERS.map((adapter) => adapter.name).join(', ')}`);
      process.exit(0);
    } else {
      console.error(`bench.mjs: unknown option ${argv[i]} (try --help)`);
      process.exit(2);
    }
  }
  return options;
}

const progress = (message) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------- statistics

/** Median and p99 use the same nearest-rank rule as native_bench.cpp, so the columns compare like with like. */
function summarise(samplesUs, bytes) {
  const sorted = Float64Array.from(samplesUs).sort();
  const median = sorted[Math.floor(sorted.length / 2)];
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * 99) / 100))];
  return { runs: sorted.length, median_us: median, p99_us: p99, mb_per_s: bytes / median };  // bytes/µs = MB/s
}

const nowUs = () => Number(process.hrtime.bigint()) / 1000;

/**
 * Times adapter.check(text): a warm-up (so the JIT and caches settle), then individually timed calls until
 * there are enough for a stable p99 and the budget is spent, or the cap is hit. Returns the summary and the
 * number of findings in the last result (counted outside the timed loop).
 */
async function timeChecks(engine, text, bytes, settings) {
  let result;
  const warmupStart = nowUs();
  for (let runs = 0; ; runs += 1) {
    const elapsedMs = (nowUs() - warmupStart) / 1000;
    if (runs >= settings.warmupMinRuns && elapsedMs >= settings.warmupMs) break;
    if (runs >= 1 && elapsedMs >= settings.capMs / 4) break;
    result = engine.async ? await engine.check(text) : engine.check(text);
  }
  const samples = [];
  const start = nowUs();
  const budgetUs = settings.budgetMs * 1000;
  const capUs = settings.capMs * 1000;
  for (;;) {
    const elapsed = nowUs() - start;
    if (samples.length >= settings.maxRuns || (samples.length >= 1 && elapsed >= capUs)) break;
    if (samples.length >= settings.minRuns && elapsed >= budgetUs) break;
    const before = nowUs();
    result = engine.async ? await engine.check(text) : engine.check(text);
    samples.push(nowUs() - before);
  }
  return { ...summarise(samples, bytes), findings: engine.count(result) };
}

// ---------------------------------------------------------------------------------------------- engines

/** "Release, GNU 12.2.0": the native build's type and compiler, read from its CMake cache (null if unknown). */
function describeNativeBuild() {
  const buildDir = join(REPO_ROOT, 'build', 'native');
  try {
    const cache = readFileSync(join(buildDir, 'CMakeCache.txt'), 'utf8');
    const buildType = /^CMAKE_BUILD_TYPE:\w+=(.*)$/m.exec(cache)?.[1] || 'default build type';
    const versionDir = readdirSync(join(buildDir, 'CMakeFiles')).find((name) => /^\d+\.\d+/.test(name));
    const compiler = versionDir ? readFileSync(join(buildDir, 'CMakeFiles', versionDir, 'CMakeCXXCompiler.cmake'), 'utf8') : '';
    const id = /CMAKE_CXX_COMPILER_ID "([^"]*)"/.exec(compiler)?.[1];
    const version = /CMAKE_CXX_COMPILER_VERSION "([^"]*)"/.exec(compiler)?.[1];
    return id ? `${buildType}, ${id} ${version}` : buildType;
  } catch {
    return null;
  }
}

/** Runs the lead's native timer on the text files; null with a reason when it is not built or fails. */
function timeNative(texts) {
  if (!existsSync(NATIVE_BENCH)) {
    return { status: 'unavailable', reason: `${relative(REPO_ROOT, NATIVE_BENCH)} not built (cmake --build --preset native --target postcheck_bench)` };
  }
  const run = spawnSync(NATIVE_BENCH, texts.map((text) => text.path), { encoding: 'utf8', timeout: 120000 });
  if (run.status !== 0) {
    return { status: 'failed', reason: `postcheck_bench exited ${run.status ?? run.signal}: ${(run.stderr || '').trim().slice(0, 300)}` };
  }
  const sizes = {};
  let policyCompileMs = null;
  for (const line of run.stdout.split('\n').filter((l) => l.trim())) {
    const figures = JSON.parse(line);
    const text = texts.find((t) => t.path === figures.file);
    if (!text) continue;
    policyCompileMs = figures.policy_compile_ms;
    sizes[text.size] = {
      runs: figures.runs,
      median_us: figures.median_us,
      p99_us: figures.p99_us,
      mb_per_s: figures.bytes / figures.median_us,  // from the median, like every other row
      mb_per_s_mean: figures.mb_per_s,
      findings: figures.findings,
    };
  }
  return { status: 'ok', build: describeNativeBuild(), sizes, policy_compile_ms: policyCompileMs };
}

/** Loads one adapter and times it on every text, skipping sizes it would take minutes to get through. */
async function timeAdapter(adapter, texts, settings) {
  const row = { name: adapter.name, version: safeVersion(adapter), does: adapter.does, sizes: {} };
  let engine;
  const loadStart = nowUs();
  try {
    engine = await adapter.load();
  } catch (error) {
    return { ...row, status: error.code === 'NOT_BUILT' ? 'unavailable' : 'failed', reason: oneLine(error) };
  }
  row.load_ms = (nowUs() - loadStart) / 1000;
  row.status = 'ok';
  let previous = null;
  for (const text of texts) {
    // Some peers are far slower than linear (bad-words takes tens of seconds on 63,206 chars): project from
    // the last size, linearly, so the true cost is at least this, and skip rather than spend minutes on one
    // cell. Only from a text of 1,000+ characters: on a tweet, fixed per-call costs would dominate the slope.
    if (previous && previous.size >= 1000) {
      const perCheckUs = (previous.median_us * text.bytes) / previous.bytes;
      if ((perCheckUs * 4) / 1000 > settings.skipAboveMs) {
        row.sizes[text.size] = {
          skipped: `projected ≥ ${formatTime(perCheckUs)} per check (linear from ${previous.size.toLocaleString('en-GB')} chars)`,
          projected_median_us: perCheckUs,
        };
        progress(`  ${adapter.name.padEnd(18)} ${String(text.size).padStart(6)} chars: skipped, ${row.sizes[text.size].skipped}`);
        continue;
      }
    }
    try {
      const figures = await timeChecks(engine, text.text, text.bytes, settings);
      row.sizes[text.size] = figures;
      previous = { ...figures, bytes: text.bytes, size: text.size };
      progress(`  ${adapter.name.padEnd(18)} ${String(text.size).padStart(6)} chars: median ${formatTime(figures.median_us)}, ` +
        `p99 ${formatTime(figures.p99_us)} (${figures.runs} runs)`);
    } catch (error) {
      row.sizes[text.size] = { error: oneLine(error) };
    }
  }
  return row;
}

function safeVersion(adapter) {
  try {
    return adapter.version();
  } catch {
    return null;
  }
}

const oneLine = (error) => String(error && error.message ? error.message : error).split('\n')[0].slice(0, 300);

// ---------------------------------------------------------------------------------------------- cold start

/** Child mode: import + instantiate + compile one adapter in this fresh process, then one check. */
async function coldStartChild(name, textPath) {
  const adapter = findAdapter(name);
  const phases = {};
  const start = nowUs();
  const engine = await adapter.load(phases);
  const readyMs = (nowUs() - start) / 1000;
  const text = readFileSync(textPath, 'utf8');
  const checkStart = nowUs();
  const result = engine.async ? await engine.check(text) : engine.check(text);
  const firstCheckMs = (nowUs() - checkStart) / 1000;
  process.stdout.write(`${JSON.stringify({ ready_ms: readyMs, first_check_ms: firstCheckMs, findings: engine.count(result), phases })}\n`);
}

/** Starts `node bench.mjs --cold-start NAME` up to coldRuns times (fewer for a very slow starter). */
function measureColdStart(adapter, textPath, settings) {
  const runs = [];
  const started = Date.now();
  while (runs.length < settings.coldRuns && (runs.length === 0 || Date.now() - started < settings.coldBudgetMs)) {
    const wallStart = nowUs();
    const child = spawnSync(process.execPath, [process.argv[1], '--cold-start', adapter.name, '--text', textPath],
      { encoding: 'utf8', timeout: 120000 });
    const processMs = (nowUs() - wallStart) / 1000;
    if (child.status !== 0) {
      return { name: adapter.name, status: 'failed', reason: oneLine((child.stderr || '').trim() || `exit ${child.status}`) };
    }
    runs.push({ ...JSON.parse(child.stdout.trim().split('\n').pop()), process_ms: processMs });
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const phases = {};
  for (const phase of Object.keys(runs[0].phases ?? {})) phases[phase] = median(runs.map((run) => run.phases[phase]));
  return {
    name: adapter.name, status: 'ok', runs: runs.length,
    ready_ms: median(runs.map((run) => run.ready_ms)),
    first_check_ms: median(runs.map((run) => run.first_check_ms)),
    process_ms: median(runs.map((run) => run.process_ms)),
    phases,
  };
}

// ---------------------------------------------------------------------------------------------- sizes

function fileSize(path) {
  if (!path || !existsSync(path)) return null;
  const bytes = readFileSync(path);
  return { file: relative(REPO_ROOT, path), raw_bytes: bytes.length, gzip_bytes: gzipSync(bytes, { level: 9 }).length };
}

function measureSizes() {
  const subject = findAdapter(SUBJECT);
  const harper = findAdapter('harper.js');
  const glue = subject.gluePaths.map(fileSize).filter(Boolean);
  return {
    postcheck_wasm: fileSize(subject.wasmPath),
    postcheck_glue: glue.length ? {
      files: glue.map((g) => g.file),
      raw_bytes: glue.reduce((sum, g) => sum + g.raw_bytes, 0),
      gzip_bytes: glue.reduce((sum, g) => sum + g.gzip_bytes, 0),
    } : null,
    harper_wasm: fileSize(harper.wasmPath),
  };
}

// ---------------------------------------------------------------------------------------------- machine

function describeMachine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':').slice(1).join(':').trim();
  } catch {
    // Not Linux: os.cpus() already gave the model.
  }
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Not a git checkout: the figures stand without a commit.
  }
  return {
    cpu, cores: os.cpus().length, memory_gb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`, node: process.version, commit,
    date: new Date().toISOString(), load_average_start: os.loadavg()[0],
  };
}

// ---------------------------------------------------------------------------------------------- targets

function evaluateTargets(results) {
  const wasm = results.engines.find((row) => row.name === SUBJECT);
  const wasmAt = (size) => (wasm?.status === 'ok' ? wasm.sizes[size]?.median_us : undefined);
  const native = results.native?.status === 'ok' ? results.native.sizes : null;
  const cold = results.cold_start.find((row) => row.name === SUBJECT && row.status === 'ok');
  const wasmSize = results.sizes.postcheck_wasm;
  const largest = Math.max(...results.texts.map((text) => text.size));
  const slowdown = native && wasmAt(HEADLINE_SIZE) && native[HEADLINE_SIZE] ? wasmAt(HEADLINE_SIZE) / native[HEADLINE_SIZE].median_us : undefined;
  const rows = [
    ['wasm via JS API, median, 3,000 chars', '≤ 25 µs', wasmAt(HEADLINE_SIZE), TARGETS.wasmMedianUs, 'max', formatTime],
    ['cold start (import + instantiate + policy), median', '≤ 15 ms', cold?.ready_ms, TARGETS.coldStartMs, 'max', (ms) => formatTime(ms * 1000)],
    ['.wasm raw, default policy inside', '≤ 300 KB', wasmSize?.raw_bytes, TARGETS.wasmRawBytes, 'max', formatBytes],
    ['.wasm gzipped (zlib level 9)', '≤ 120 KB', wasmSize?.gzip_bytes, TARGETS.wasmGzipBytes, 'max', formatBytes],
    ['native-to-wasm slowdown, 3,000 chars', '≤ 2×', slowdown, TARGETS.nativeToWasm, 'max', (x) => `${x.toFixed(2)}×`],
    [`native throughput, ${largest.toLocaleString('en-GB')} chars`, '≥ 300 MB/s', native?.[largest]?.mb_per_s, TARGETS.nativeMbPerS, 'min', (x) => `${x.toFixed(0)} MB/s`],
    ['native median, 3,000 chars', '≤ 10 µs', native?.[HEADLINE_SIZE]?.median_us, TARGETS.nativeMedianUs, 'max', formatTime],
  ];
  return rows.map(([what, target, measured, limit, kind, format]) => {
    if (measured === undefined || measured === null || Number.isNaN(measured)) {
      return { what, target, measured: null, shown: 'not measured', verdict: 'not measured' };
    }
    const met = kind === 'max' ? measured <= limit : measured >= limit;
    const factor = kind === 'max' ? measured / limit : limit / measured;
    return {
      what, target, measured, shown: format(measured),
      verdict: met ? 'met' : `missed (${factor.toFixed(factor < 10 ? 2 : 0)}× ${kind === 'max' ? 'over' : 'under'})`,
    };
  });
}

// ---------------------------------------------------------------------------------------------- formatting

function formatTime(us) {
  if (us === undefined || us === null || Number.isNaN(us)) return '—';
  const significant = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  if (us < 1000) return `${significant(us)} µs`;
  if (us < 1e6) return `${significant(us / 1000)} ms`;
  return `${significant(us / 1e6)} s`;
}

function formatBytes(bytes) {
  if (bytes === undefined || bytes === null) return '—';
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} KB`;
}

function formatRate(mbPerS) {
  if (mbPerS === undefined || mbPerS === null) return '—';
  return mbPerS >= 100 ? `${mbPerS.toFixed(0)} MB/s` : mbPerS >= 1 ? `${mbPerS.toFixed(1)} MB/s` : `${mbPerS.toFixed(3)} MB/s`;
}

// Words read best left-aligned and figures right-aligned; these columns hold words.
const WORD_COLUMNS = new Set(['engine', 'checks for', 'file', 'target', 'wanted', 'verdict']);

/** A table as padded plain text (console) or GitHub Markdown. */
function renderTable(header, rows, markdown) {
  const words = header.map((name) => WORD_COLUMNS.has(name));
  if (markdown) {
    const line = (cells) => `| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`;
    return [line(header), line(words.map((isWords) => (isWords ? '---' : '---:'))), ...rows.map(line)].join('\n');
  }
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => (words[i] ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])))
    .join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Rows for every engine: native first, then the wasm core, then the peers in the order of peers.mjs. */
function engineRows(results) {
  const rows = [];
  if (results.native) {
    rows.push({ name: 'postcheck native', version: results.native.build ? `(${results.native.build})` : null, does: 'full default policy, all categories (C++, no JS)', ...results.native });
  }
  for (const row of results.engines) rows.push({ ...row, name: row.name === SUBJECT ? 'postcheck wasm' : row.name });
  return rows;
}

function cell(row, size, pick) {
  if (row.status !== 'ok') return row.status === 'unavailable' ? 'not built' : 'failed';
  const figures = row.sizes[size];
  if (!figures) return '—';
  if (figures.skipped) return `skipped (${formatTime(figures.projected_median_us)}+)`;
  if (figures.error) return 'error';
  return pick(figures);
}

function renderReport(results, markdown) {
  const sizes = results.texts.map((text) => text.size);
  const sizeLabel = (size) => `${size.toLocaleString('en-GB')} chars`;
  const wasm = results.engines.find((row) => row.name === SUBJECT && row.status === 'ok');
  const rows = engineRows(results);
  const heading = (text) => (markdown ? `### ${text}` : `== ${text}`);
  const m = results.machine;
  const out = [];

  out.push(markdown
    ? `Measured ${m.date.slice(0, 10)} on ${m.cpu} (${m.cores} cores, ${m.memory_gb} GB), ${m.os}, Node ${m.node}` +
      `${m.commit ? `, commit \`${m.commit}\`` : ''}, with \`node tools/bench/bench.mjs${results.mode === 'quick' ? ' --quick' : ''}\`. ` +
      `Load average ${m.load_average_start.toFixed(2)} at the start and ${m.load_average_end.toFixed(2)} at the end` +
      `${m.load_average_start > m.cores / 2 || m.load_average_end > m.cores / 2 ? ' (the machine was busy: figures are inflated)' : ''}.`
    : `PostCheck benchmark (${results.mode}) — ${m.date} — ${m.cpu}, ${m.cores} cores, Node ${m.node}` +
      `${m.commit ? `, commit ${m.commit}` : ''}; load average ${m.load_average_start.toFixed(2)} → ${m.load_average_end.toFixed(2)}` +
      `${m.load_average_start > m.cores / 2 || m.load_average_end > m.cores / 2 ? '  [BUSY MACHINE: figures inflated]' : ''}`);
  out.push('');
  out.push(`Texts (seeded PRNG 0x${results.text_seed.toString(16)}, mixed English social-media posts): ` +
    results.texts.map((text) => `${sizeLabel(text.size)} = ${text.bytes.toLocaleString('en-GB')} UTF-8 bytes, sha256 ${text.hash}`).join('; ') + '.');
  out.push('');

  out.push(heading('Time per check: median / p99'));
  out.push('');
  out.push(renderTable(['engine', 'checks for', ...sizes.map(sizeLabel)],
    rows.map((row) => [`${row.name}${row.version ? ` ${row.version}` : ''}`, row.does,
      ...sizes.map((size) => cell(row, size, (f) => `${formatTime(f.median_us)} / ${formatTime(f.p99_us)}`))]), markdown));
  out.push('');

  out.push(heading('Throughput (UTF-8 MB/s at the median) and time relative to PostCheck wasm'));
  out.push('');
  out.push(renderTable(['engine', ...sizes.map(sizeLabel)],
    rows.map((row) => [row.name, ...sizes.map((size) => cell(row, size, (f) => {
      const base = wasm?.sizes[size]?.median_us;
      const ratio = base ? f.median_us / base : null;
      const shown = ratio === null ? '' : ratio >= 1 ? ` (${ratio.toFixed(ratio < 10 ? 2 : 0)}×)` : ` (${(1 / ratio).toFixed(2)}× faster)`;
      return `${formatRate(f.mb_per_s)}${shown}`;
    }))]), markdown));
  out.push('');
  out.push(`(×N: that engine's median time divided by PostCheck wasm's on the same text; higher is slower.)`);
  out.push('');

  out.push(heading('Findings reported on each text (what each engine looks for differs)'));
  out.push('');
  out.push(renderTable(['engine', ...sizes.map(sizeLabel)],
    rows.map((row) => [row.name, ...sizes.map((size) => cell(row, size, (f) => String(f.findings)))]), markdown));
  out.push('');

  out.push(heading('Cold start in a fresh Node process (median)'));
  out.push('');
  out.push(renderTable(['engine', 'import + instantiate + compile', 'then first check (3,000 chars)', 'runs'],
    results.cold_start.map((row) => row.status === 'ok'
      ? [row.name === SUBJECT ? 'postcheck wasm' : row.name, formatTime(row.ready_ms * 1000), formatTime(row.first_check_ms * 1000), String(row.runs)]
      : [row.name === SUBJECT ? 'postcheck wasm' : row.name, row.status === 'unavailable' ? 'not built' : row.status, '—', '0']), markdown));
  const subjectCold = results.cold_start.find((row) => row.name === SUBJECT && row.status === 'ok');
  const nativeCompileMs = results.native?.policy_compile_ms;
  if (subjectCold?.phases?.create_checker_ms !== undefined || typeof nativeCompileMs === 'number') out.push('');
  if (subjectCold?.phases?.create_checker_ms !== undefined) {
    const p = subjectCold.phases;
    out.push(`PostCheck wasm cold start by phase (medians): import ${formatTime(p.import_ms * 1000)}, read .wasm ` +
      `${formatTime(p.read_wasm_ms * 1000)}, createChecker() (instantiate + default policy parse and compile) ${formatTime(p.create_checker_ms * 1000)}.`);
  }
  if (typeof nativeCompileMs === 'number') {
    out.push(`Native default-policy parse + compile, for comparison: ${formatTime(nativeCompileMs * 1000)}.`);
  }
  out.push('');

  out.push(heading('Download size'));
  out.push('');
  const s = results.sizes;
  const sizeRows = [];
  if (s.postcheck_wasm) sizeRows.push(['postcheck-core.wasm (default policy inside)', formatBytes(s.postcheck_wasm.raw_bytes), formatBytes(s.postcheck_wasm.gzip_bytes)]);
  else sizeRows.push(['postcheck-core.wasm', 'not built', '—']);
  if (s.postcheck_glue) sizeRows.push([`PostCheck JS (${s.postcheck_glue.files.map((f) => f.split('/').pop()).join(' + ')})`, formatBytes(s.postcheck_glue.raw_bytes), formatBytes(s.postcheck_glue.gzip_bytes)]);
  if (s.harper_wasm) sizeRows.push(['harper.js harper_wasm_bg.wasm', formatBytes(s.harper_wasm.raw_bytes), formatBytes(s.harper_wasm.gzip_bytes)]);
  out.push(renderTable(['file', 'raw', 'gzip -9'], sizeRows, markdown));
  out.push('');

  out.push(heading('Targets'));
  out.push('');
  out.push(renderTable(['target', 'wanted', 'measured', 'verdict'],
    results.targets.map((t) => [t.what, t.target, t.shown, t.verdict]), markdown));

  const notes = [];
  if (results.native && results.native.status !== 'ok') notes.push(`native: ${results.native.reason}`);
  for (const row of results.engines) if (row.status !== 'ok') notes.push(`${row.name}: ${row.reason}`);
  const failedToLoad = new Set(results.engines.filter((row) => row.status !== 'ok').map((row) => row.name));
  for (const row of results.cold_start) {
    if (row.status !== 'ok' && !failedToLoad.has(row.name)) notes.push(`${row.name} cold start: ${row.reason}`);
  }
  for (const row of results.engines) {
    for (const [size, figures] of Object.entries(row.sizes ?? {})) {
      if (figures.skipped) notes.push(`${row.name} at ${Number(size).toLocaleString('en-GB')} chars: ${figures.skipped}`);
      else if (figures.error) notes.push(`${row.name} at ${Number(size).toLocaleString('en-GB')} chars: ${figures.error}`);
      else if (figures.runs < 100) notes.push(`${row.name} at ${Number(size).toLocaleString('en-GB')} chars: only ${figures.runs} runs in the time cap, so its p99 is close to its maximum`);
    }
  }
  if (notes.length) {
    out.push('');
    out.push(markdown ? 'Notes:' : '== Notes');
    out.push('');
    for (const note of notes) out.push(`- ${note}`);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------- main

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.coldStart) return coldStartChild(options.coldStart, options.text);

  if (options.from) {
    const results = JSON.parse(readFileSync(options.from, 'utf8'));
    console.log(renderReport(results, options.markdown));
    return;
  }

  const runStart = Date.now();
  const mode = options.quick ? 'quick' : 'default';
  const settings = SETTINGS[mode];
  const wanted = (name) => !options.only || options.only.includes(name);
  const machine = describeMachine();
  if (machine.load_average_start > machine.cores / 2) {
    progress(`warning: load average ${machine.load_average_start.toFixed(2)} on ${machine.cores} cores — other work will inflate the figures`);
  }

  const texts = writeTexts(OUT_DIR);
  for (const text of texts) {
    progress(`text ${String(text.size).padStart(6)} chars, ${String(text.bytes).padStart(6)} bytes, sha256 ${text.hash}  ${relative(REPO_ROOT, text.path)}`);
  }

  const results = {
    tool: 'tools/bench/bench.mjs', mode, machine, settings, targets_wanted: TARGETS, text_seed: TEXT_SEED,
    texts: texts.map(({ size, bytes, hash, path }) => ({ size, bytes, hash, file: relative(REPO_ROOT, path) })),
    native: null, engines: [], cold_start: [], sizes: null, targets: [],
  };

  if (wanted('native')) {
    progress('native core (postcheck_bench)…');
    results.native = timeNative(texts);
    if (results.native.status !== 'ok') progress(`  skipped: ${results.native.reason}`);
    else for (const size of TEXT_SIZES) {
      const f = results.native.sizes[size];
      if (f) progress(`  ${'native'.padEnd(18)} ${String(size).padStart(6)} chars: median ${formatTime(f.median_us)}, p99 ${formatTime(f.p99_us)} (${f.runs} runs)`);
    }
  }

  const headlineText = texts.find((text) => text.size === HEADLINE_SIZE) ?? texts[0];
  for (const adapter of ADAPTERS.filter((a) => wanted(a.name))) {
    progress(`${adapter.name}…`);
    const row = await timeAdapter(adapter, texts, settings);
    if (row.status !== 'ok') progress(`  could not load: ${row.reason}`);
    results.engines.push(row);
  }

  // Fresh processes last, after the in-process timing, so they do not compete with it.
  for (const adapter of ADAPTERS.filter((a) => wanted(a.name))) {
    progress(`cold start: ${adapter.name}…`);
    const loaded = results.engines.find((row) => row.name === adapter.name);
    let cold;
    if (loaded?.status !== 'ok') cold = { name: adapter.name, status: loaded?.status ?? 'failed', reason: loaded?.reason ?? 'did not load' };
    else if (loaded.load_ms > settings.coldSkipAboveMs) {
      cold = { name: adapter.name, status: 'skipped', reason: `not started in --${mode}: it took ${formatTime(loaded.load_ms * 1000)} to load in this process` };
    } else cold = measureColdStart(adapter, headlineText.path, settings);
    if (cold.status === 'ok') progress(`  ready in ${formatTime(cold.ready_ms * 1000)}, first check ${formatTime(cold.first_check_ms * 1000)} (median of ${cold.runs})`);
    results.cold_start.push(cold);
  }

  progress('sizes (gzip level 9)…');
  results.sizes = measureSizes();
  results.machine.load_average_end = os.loadavg()[0];
  results.duration_s = (Date.now() - runStart) / 1000;
  results.targets = evaluateTargets(results);

  writeFileSync(join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  progress(`raw results: ${relative(REPO_ROOT, join(OUT_DIR, 'results.json'))} (run took ${results.duration_s.toFixed(0)} s)\n`);
  console.log(renderReport(results, options.markdown));
}

main().catch((error) => {
  console.error(`bench.mjs: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});
