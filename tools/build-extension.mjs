#!/usr/bin/env node
// build-extension.mjs — builds the browser extension from extension/ and the WebAssembly library.
//
//   extension/manifest/base.json + <browser>.json ─► manifest.json  (tools/extension/merge-manifest.mjs)
//   extension/src/{background,ui,shared}, sites    ─► copied as they are (plain ES modules)
//   extension/src/content/main.js and its imports  ─► content.js, one classic script
//                                                     (tools/extension/bundle-content.mjs)
//   dist/lib/ (postcheck.js + core glue + .wasm)   ─► lib/   (built by the `wasm` preset; required)
//   dist/site/ (the training site)                 ─► site/  (built by tools/build-site.mjs; optional)
//   icons                                          ─► drawn by tools/extension/icons.mjs
//
// Output: dist/extension/ (unpacked, Chromium), dist/extension-firefox/ (unpacked, Firefox) and
// dist/postcheck-extension.zip, dist/postcheck-extension-edge.zip, dist/postcheck-extension-firefox.zip.
// Usage: node tools/build-extension.mjs [--lib DIR] [--out DIR]
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleContent } from './extension/bundle-content.mjs';
import { iconPng } from './extension/icons.mjs';
import { mergeManifest } from './extension/merge-manifest.mjs';
import { makeZip } from './extension/zip.mjs';
import { externalEngineStart } from './build-site.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? resolve(args[i + 1]) : fallback; };
const dist = option('--out', join(repo, 'dist'));
const libDir = option('--lib', join(repo, 'dist', 'lib'));
const siteDir = join(repo, 'dist', 'site');
const source = join(repo, 'extension');

const libFiles = ['postcheck.js', 'postcheck-core.js', 'postcheck-core.wasm'];
if (!existsSync(join(libDir, 'postcheck.js'))) {
  console.error(`build-extension: ${relative(repo, join(libDir, 'postcheck.js'))} is missing; build the wasm preset first.`);
  process.exit(1);
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const packageVersion = readJson(join(repo, 'package.json')).version;

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

function buildFor(browser, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const manifest = mergeManifest(readJson(join(source, 'manifest', 'base.json')), readJson(join(source, 'manifest', `${browser}.json`)));
  manifest.version = packageVersion;
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const layer of ['background', 'ui', 'shared']) cpSync(join(source, 'src', layer), join(outDir, 'src', layer), { recursive: true });
  writeFileSync(join(outDir, 'content.js'), bundleContent(join(source, 'src', 'content', 'main.js'), join(source, 'src')));
  cpSync(join(source, 'sites'), join(outDir, 'sites'), { recursive: true });
  if (manifest.storage?.managed_schema) cpSync(join(source, 'managed-schema.json'), join(outDir, manifest.storage.managed_schema));
  mkdirSync(join(outDir, 'lib'));
  for (const name of libFiles) if (existsSync(join(libDir, name))) cpSync(join(libDir, name), join(outDir, 'lib', name));
  if (existsSync(siteDir)) {
    cpSync(siteDir, join(outDir, 'site'), { recursive: true });
    // Extension pages run no inline script (MV3's CSP): the training pages load their engine start as a file.
    for (const name of readdirSync(join(outDir, 'site')).filter((n) => n.endsWith('.html'))) {
      const page = join(outDir, 'site', name);
      writeFileSync(page, externalEngineStart(readFileSync(page, 'utf8')));
    }
  }
  mkdirSync(join(outDir, 'icons'));
  for (const size of [16, 48, 128]) writeFileSync(join(outDir, 'icons', `icon-${size}.png`), iconPng(size));
  return outDir;
}

function zipDir(dir, zipPath) {
  const entries = filesUnder(dir).map((path) => ({ name: relative(dir, path).split('\\').join('/'), data: readFileSync(path) }));
  writeFileSync(zipPath, makeZip(entries));
  return entries.length;
}

const chromium = buildFor('chrome', join(dist, 'extension'));
const firefox = buildFor('firefox', join(dist, 'extension-firefox'));
const edge = buildFor('edge', join(dist, 'extension-edge'));
const zips = [
  [chromium, join(dist, 'postcheck-extension.zip')],
  [edge, join(dist, 'postcheck-extension-edge.zip')],
  [firefox, join(dist, 'postcheck-extension-firefox.zip')],
];
for (const [dir, zip] of zips) {
  const n = zipDir(dir, zip);
  console.log(`build-extension: ${relative(repo, zip)} (${n} files, ${statSync(zip).size} bytes)`);
}
rmSync(edge, { recursive: true, force: true }); // the Edge build differs only by manifest: ship the zip
if (!existsSync(siteDir)) console.log('build-extension: dist/site/ not found; the training page is not included');
