// bundle-content.mjs — joins the content script's ES modules into one classic script, because a
// manifest content script cannot be a module and loading modules at run time would make them
// web-accessible (any page could then probe for PostCheck) and cost a fetch per file at page start.
// Not a general bundler: it handles exactly the forms our own sources use —
//   import { a, b as c } from './x.js';   export const|let|function|class name …;
// each module runs in its own function scope, so private names never collide.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const importPattern = /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';\s*$/gm;
const exportPattern = /^export\s+(?:async\s+)?(const|let|function|class)\s+([A-Za-z_$][\w$]*)/gm;

function parse(file) {
  const source = readFileSync(file, 'utf8');
  const imports = [...source.matchAll(importPattern)].map((m) => ({
    names: m[1].split(',').map((n) => n.trim()).filter(Boolean).map((n) => {
      const [imported, local] = n.split(/\s+as\s+/);
      return { imported, local: local ?? imported };
    }),
    file: resolve(dirname(file), m[2]),
  }));
  const exports = [...source.matchAll(exportPattern)].map((m) => m[2]);
  if (/^export\s+(default|\{|\*)/m.test(source) || /\bimport\s*\(/.test(source.replace(/\/\/.*$/gm, ''))) {
    throw new Error(`${file}: uses a module form bundle-content.mjs does not handle`);
  }
  const body = source.replace(importPattern, '').replace(/^export\s+/gm, '');
  if (/^\s*import\b/m.test(body)) throw new Error(`${file}: an import form bundle-content.mjs does not handle`);
  return { imports, exports, body };
}

// Returns the classic-script text for the module graph rooted at `entry`.
export function bundleContent(entry, root) {
  const order = [];
  const modules = new Map();
  const visit = (file, trail) => {
    if (modules.has(file)) return;
    if (trail.includes(file)) throw new Error(`import cycle: ${[...trail, file].join(' → ')}`);
    const m = parse(file);
    for (const i of m.imports) visit(i.file, [...trail, file]);
    modules.set(file, m);
    order.push(file);
  };
  visit(resolve(entry), []);
  const id = (file) => `module_${relative(root, file).replace(/[^A-Za-z0-9]/g, '_')}`;
  const parts = ['// PostCheck content script, joined from extension/src by tools/extension/bundle-content.mjs.',
    "'use strict';", '(() => {'];
  for (const file of order) {
    const m = modules.get(file);
    const bindings = m.imports.flatMap((i) => {
      const dep = modules.get(i.file);
      return i.names.map(({ imported, local }) => {
        if (!dep.exports.includes(imported)) throw new Error(`${file}: ${imported} is not exported by ${i.file}`);
        return `  const ${local} = ${id(i.file)}.${imported};`;
      });
    });
    parts.push(`// ---- ${relative(root, file)}`, `const ${id(file)} = (() => {`, ...bindings, m.body.trim(),
      `  return { ${m.exports.join(', ')} };`, '})();');
  }
  parts.push('})();', '');
  return parts.join('\n');
}
