#!/usr/bin/env node
// build-site.mjs — builds the static training site into dist/site/ from:
//   site/                         pages, styles, scripts and data (scenarios.json, examples.json)
//   dist/lib/                     the engine (postcheck.js + glue + .wasm), copied to dist/site/lib/
//   ../shared/policy/social-media-policy.txt   the policy, turned into HTML with one anchor per clause
//   core/policies/*.json          the default policy, copied for admins who deploy managed settings
//
//   node tools/build-site.mjs [--out DIR] [--lib DIR] [--policy-text FILE] [--allow-missing-engine]
//
// Pages include shared fragments with <!-- include: NAME --> (site/partials/NAME.html) and policy.html gets
// the policy text at <!-- build: policy-text -->. Nothing is fetched from the network; the output works
// from any static host and offline.
import { cp, mkdir, readFile, readdir, rm, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const siteSource = path.join(repoRoot, 'site');

const { CATEGORIES, CLAUSE_IDS, clauseLabel } = await import(pathToFileURL(path.join(siteSource, 'js', 'categories.js')));
const { validateScenarios } = await import(pathToFileURL(path.join(siteSource, 'js', 'scenario-data.js')));

const ENGINE_FILES = ['postcheck.js'];  // the contract; the glue and .wasm beside it are copied whatever they are called

function parseArguments(argv) {
  const options = {
    out: path.join(repoRoot, 'dist', 'site'),
    lib: path.join(repoRoot, 'dist', 'lib'),
    policyText: path.join(repoRoot, '..', 'shared', 'policy', 'social-media-policy.txt'),
    policiesDir: path.join(repoRoot, 'core', 'policies'),
    allowMissingEngine: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i];
    if (name === '--allow-missing-engine') { options.allowMissingEngine = true; continue; }
    const value = argv[i + 1];
    if (!value) throw new Error(`missing value for ${name}`);
    if (name === '--out') options.out = path.resolve(value);
    else if (name === '--lib') options.lib = path.resolve(value);
    else if (name === '--policy-text') options.policyText = path.resolve(value);
    else throw new Error(`unknown argument ${name}`);
    i += 1;
  }
  return options;
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// ---- The policy text -> sections of paragraphs and lists -----------------------------------------------
// The text is a PDF extract: hard-wrapped lines, blank lines inside sentences, "·" bullets and some
// bullets that lost their symbol and only kept a leading space. The rules below undo exactly that.
const CLAUSE_HEADING = /^(\d)\.\s+([A-Z][A-Z ,’'&-]+?)\s*$/;
const SUBCLAUSE_HEADING = /^([a-z])\)\s+(.+?)\.?\s*$/;
const BULLET = /^[·•\uF0B7]\s*(.*)$/;

function sentenceCase(heading) {
  const lower = heading.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export function parsePolicyText(text) {
  const sections = [{ id: 'preamble', number: null, title: 'Status of this policy', blocks: [] }];
  let clauseNumber = null;
  let current = null;  // the paragraph or list item that continuation lines join
  let sawBlank = false;
  const section = () => sections[sections.length - 1];
  const lastBlock = () => section().blocks[section().blocks.length - 1];

  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) { sawBlank = true; continue; }
    const clause = CLAUSE_HEADING.exec(trimmed);
    const subclause = clauseNumber === '4' ? SUBCLAUSE_HEADING.exec(trimmed) : null;
    if (clause) {
      clauseNumber = clause[1];
      sections.push({ id: clauseNumber, number: clauseNumber, title: sentenceCase(clause[2]), blocks: [] });
      current = null;
    } else if (subclause) {
      const id = `${clauseNumber}${subclause[1]}`;
      sections.push({ id, number: id, title: subclause[2].trim(), blocks: [], parent: clauseNumber });
      current = null;
    } else {
      const bullet = BULLET.exec(trimmed);
      const indented = /^\s/.test(line) && /^[A-Z]/.test(trimmed);
      const inList = lastBlock()?.type === 'list' || (current !== null && /:$/.test(current.text));
      if (bullet || (indented && inList)) {
        const item = { text: bullet ? bullet[1].trim() : trimmed };
        if (lastBlock()?.type === 'list') lastBlock().items.push(item);
        else section().blocks.push({ type: 'list', items: [item] });
        current = item;
      } else if (current && (!sawBlank || /^[a-z\-–(]/.test(trimmed))) {
        current.text = `${current.text} ${trimmed}`;
      } else {
        current = { type: 'paragraph', text: trimmed };
        section().blocks.push(current);
      }
    }
    sawBlank = false;
  }
  return sections;
}

function renderBlocks(blocks) {
  return blocks.map((block) => {
    if (block.type === 'list') {
      return `<ul>\n${block.items.map((item) => `  <li>${escapeHtml(item.text.replace(/\s+/g, ' '))}</li>`).join('\n')}\n</ul>`;
    }
    return `<p>${escapeHtml(block.text.replace(/\s+/g, ' '))}</p>`;
  }).join('\n');
}

function renderGuide(id, guide, level) {
  if (!guide) return '';
  const label = clauseLabel(id);
  const list = (items) => items.map((item) => `<li>${escapeHtml(item)}</li>`).join('');
  const checks = guide.checks.length
    ? `<p class="guide-checks">PostCheck checks: ${guide.checks.map((category) =>
        `<span class="chip" data-category="${escapeHtml(category)}">${escapeHtml(CATEGORIES[category]?.label ?? category)}</span>`).join(' ')}</p>`
    : '';
  const [title, sub] = [`h${level}`, `h${level + 1}`];
  return `<aside class="clause-guide" aria-labelledby="guide-${id}-title">
  <${title} id="guide-${id}-title" class="guide-title">In plain English · ${escapeHtml(label)}</${title}>
  <p>${escapeHtml(guide.summary)}</p>
  <div class="guide-lists">
    <div class="guide-do"><${sub}><span aria-hidden="true">✓ </span>Do</${sub}><ul>${list(guide.do)}</ul></div>
    <div class="guide-dont"><${sub}><span aria-hidden="true">✗ </span>Don’t</${sub}><ul>${list(guide.dont)}</ul></div>
  </div>
  ${checks}
</aside>`;
}

export function renderPolicyHtml(sections, guide) {
  const rendered = new Map();
  for (const section of sections) {
    if (section.id === 'preamble') {
      rendered.set(section.id, `<section class="clause clause-preamble" id="policy-status" aria-labelledby="policy-status-title">
<h2 id="policy-status-title">${escapeHtml(section.title)}</h2>
<div class="clause-text">${renderBlocks(section.blocks)}</div>
</section>`);
      continue;
    }
    const heading = section.parent ? 'h3' : 'h2';
    const number = section.parent ? `${section.parent}(${section.id.slice(-1)})` : `${section.number}.`;
    rendered.set(section.id, `<section class="clause${section.parent ? ' subclause' : ''}" id="clause-${section.id}" aria-labelledby="clause-${section.id}-title">
<${heading} id="clause-${section.id}-title"><a class="clause-anchor" href="#clause-${section.id}"><span class="clause-number">${escapeHtml(number)}</span> ${escapeHtml(section.title)}</a></${heading}>
<div class="clause-body">
<div class="clause-text">${renderBlocks(section.blocks)}</div>
${renderGuide(section.id, guide.clauses[section.id], section.parent ? 4 : 3)}
</div>
${section.parent ? '' : `@@CHILDREN:${section.id}@@`}
</section>`);
  }
  // Sub-clauses nest inside their clause's section so the document outline matches the policy.
  let html = '';
  for (const section of sections) {
    if (section.parent) continue;
    const children = sections.filter((s) => s.parent === section.id).map((s) => rendered.get(s.id)).join('\n');
    html += rendered.get(section.id).replace(`@@CHILDREN:${section.id}@@`, children) + '\n';
  }
  const toc = sections.filter((s) => s.id !== 'preamble').map((s) =>
    `<li${s.parent ? ' class="toc-sub"' : ''}><a href="#clause-${s.id}">${escapeHtml(s.parent ? `${s.parent}(${s.id.slice(-1)})` : `${s.number}.`)} ${escapeHtml(s.title)}</a></li>`).join('\n');
  return { html, toc: `<ul class="toc-list">\n${toc}\n</ul>` };
}

// ---- Pages -----------------------------------------------------------------------------------------------
async function readPartials() {
  const partials = new Map();
  const dir = path.join(siteSource, 'partials');
  for (const name of await readdir(dir)) {
    if (name.endsWith('.html')) partials.set(name.slice(0, -5), await readFile(path.join(dir, name), 'utf8'));
  }
  return partials;
}

function renderPage(source, pageName, partials, replacements) {
  let html = source.replace(/<!--\s*include:\s*([\w-]+)\s*-->/g, (_, name) => {
    if (!partials.has(name)) throw new Error(`${pageName}: no partial named ${name}`);
    return partials.get(name);
  });
  // The navigation marks the page it is on.
  html = html.replace(new RegExp(`(<a[^>]*href="${pageName.replace('.', '\\.')}")`, 'g'), '$1 aria-current="page"');
  html = html.replace(/<!--\s*build:\s*([\w-]+)\s*-->/g, (_, key) => {
    if (!(key in replacements)) throw new Error(`${pageName}: nothing to build for ${key}`);
    return replacements[key];
  });
  return html;
}

// The engine's files start downloading with the page instead of one import after another: the checker's
// readiness budget (200 ms after navigation) is mostly this chain. The .wasm is fetched (and compiled)
// by the inlined engine start, which runs before the parser reaches these links.
async function enginePreloads(lib) {
  const links = [];
  for (const name of (await readdir(lib)).sort()) {
    if (name.endsWith('.js')) links.push(`<link rel="modulepreload" href="lib/${escapeHtml(name)}">`);
  }
  return links.join('\n  ');
}

// js/engine-start.js as an inline script (without its leading comment): it must run before anything
// else in <head> has downloaded. Marked so that externalEngineStart() can find it again.
async function engineStartScript() {
  const source = (await readFile(path.join(siteSource, 'js', 'engine-start.js'), 'utf8')).replace(/^(\/\/.*\n)+/, '');
  if (/<\/script/i.test(source)) throw new Error('js/engine-start.js cannot be inlined: it contains </script');
  return `<script data-engine-start>\n${source.trimEnd()}\n  </script>`;
}

// For pages whose Content-Security-Policy allows no inline script (the extension's copy of the site):
// the inlined engine start becomes a reference to js/engine-start.js, which the build also ships.
export function externalEngineStart(html) {
  return html.replace(/<script data-engine-start>[\s\S]*?<\/script>/, '<script src="js/engine-start.js"></script>');
}

async function exists(file) {
  try { await access(file); return true; } catch { return false; }
}

export async function buildSite(options) {
  const { out } = options;
  const policyText = await readFile(options.policyText, 'utf8');
  const guide = JSON.parse(await readFile(path.join(siteSource, 'policy-guide.json'), 'utf8'));
  const sections = parsePolicyText(policyText);
  const ids = sections.map((s) => s.id).filter((id) => id !== 'preamble');
  for (const id of CLAUSE_IDS) {
    if (!ids.includes(id)) throw new Error(`the policy text has no clause ${id}; the anchors #clause-${id} would break`);
    if (!guide.clauses[id]) throw new Error(`site/policy-guide.json has no summary for clause ${id}`);
  }
  const scenarios = JSON.parse(await readFile(path.join(siteSource, 'scenarios.json'), 'utf8'));
  const scenarioErrors = validateScenarios(scenarios);
  if (scenarioErrors.length) throw new Error(`site/scenarios.json:\n  ${scenarioErrors.join('\n  ')}`);

  const engineFound = await exists(path.join(options.lib, 'postcheck.js'));
  if (!engineFound && !options.allowMissingEngine) {
    throw new Error(`no engine at ${path.join(options.lib, 'postcheck.js')}: build the wasm preset first `
      + '(or pass --allow-missing-engine to preview pages without the checker)');
  }

  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const partials = await readPartials();
  const policy = renderPolicyHtml(sections, guide);
  const replacements = {
    'policy-text': policy.html,
    'policy-toc': policy.toc,
    'engine-preload': engineFound ? await enginePreloads(options.lib) : '',
    'engine-start': engineFound ? await engineStartScript() : '',
  };

  for (const entry of await readdir(siteSource, { withFileTypes: true })) {
    const from = path.join(siteSource, entry.name);
    const to = path.join(out, entry.name);
    if (['partials', 'policy-guide.json', 'README.md'].includes(entry.name)) continue;  // build-time only
    if (entry.isFile() && entry.name.endsWith('.html')) {
      await writeFile(to, renderPage(await readFile(from, 'utf8'), entry.name, partials, replacements));
    } else {
      await cp(from, to, { recursive: true });
    }
  }
  if (engineFound) {
    await cp(options.lib, path.join(out, 'lib'), { recursive: true });
    for (const file of ENGINE_FILES) {
      if (!await exists(path.join(out, 'lib', file))) throw new Error(`engine file ${file} missing after copy`);
    }
  }
  await mkdir(path.join(out, 'policy'), { recursive: true });
  await cp(options.policyText, path.join(out, 'policy', 'social-media-policy.txt'));
  for (const name of ['carers-in-bedfordshire.json', 'policy.schema.json']) {
    const from = path.join(options.policiesDir, name);
    if (await exists(from)) await cp(from, path.join(out, 'policy', name));
  }
  return { out, engineFound, clauses: ids, scenarios: scenarios.scenarios.length };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const result = await buildSite(parseArguments(process.argv.slice(2)));
    console.log(`built ${path.relative(process.cwd(), result.out) || '.'}: clauses ${result.clauses.join(' ')}, `
      + `${result.scenarios} scenarios, engine ${result.engineFound ? 'included' : 'MISSING'}`);
  } catch (error) {
    console.error(`build-site: ${error.message}`);
    process.exit(1);
  }
}
