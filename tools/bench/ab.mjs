#!/usr/bin/env node
// ab.mjs — compares two or more builds of the JS API + wasm (folders like dist/lib) in ONE Node
// process, their checks interleaved round by round on the benchmark's texts, so that a machine whose
// speed drifts (a shared VM: seen here to swing ~1.6x within a minute) slows every build alike. A
// tool for deciding whether a change to the core or the boundary helps, not a test; prints medians.
//
//   cp -r dist/lib /tmp/lib-before      # build the other variant into dist/lib, then:
//   node tools/bench/ab.mjs /tmp/lib-before dist/lib
//
// The texts are build/bench/text-<size>.txt, written by `node tools/bench/bench.mjs` (any run).
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const libs = process.argv.slice(2).map((dir) => path.resolve(dir));
if (libs.length < 2) {
  console.error('usage: node tools/bench/ab.mjs LIB_DIR LIB_DIR [LIB_DIR...]  (folders holding postcheck.js and postcheck-core.wasm)');
  process.exit(2);
}

const checkers = [];
for (const lib of libs) {
  const { createChecker } = await import(pathToFileURL(path.join(lib, 'postcheck.js')).href);
  checkers.push(await createChecker({ wasmBinary: readFileSync(path.join(lib, 'postcheck-core.wasm')) }));
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const ROUNDS = 30;
for (const size of [280, 3000, 63206]) {
  const file = path.join(repo, 'build', 'bench', `text-${size}.txt`);
  if (!existsSync(file)) {
    console.error(`${path.relative(repo, file)} is missing: run node tools/bench/bench.mjs --quick once`);
    process.exit(2);
  }
  const text = readFileSync(file, 'utf8');
  const perRound = size > 10000 ? 2 : size > 1000 ? 20 : 100;
  for (const checker of checkers) for (let i = 0; i < perRound * 5; i += 1) checker.check(text);  // warm-up
  const micros = checkers.map(() => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    checkers.forEach((checker, k) => {
      const start = performance.now();
      for (let i = 0; i < perRound; i += 1) checker.check(text);
      micros[k].push(((performance.now() - start) / perRound) * 1000);
    });
  }
  const base = median(micros[0]);
  const cells = micros.map((m, k) => {
    const med = median(m);
    const change = k === 0 ? '' : ` (${med >= base ? '+' : ''}${(((med - base) / base) * 100).toFixed(1)}%)`;
    return `${path.relative(process.cwd(), libs[k]) || '.'}: ${med.toFixed(1)} µs${change}`;
  });
  console.log(`${size.toLocaleString('en-GB')} chars, median of ${ROUNDS} interleaved rounds — ${cells.join(' | ')}`);
}
