#!/usr/bin/env node
// serve-site.mjs — a tiny static file server for the built training site (dist/site by default).
// No dependencies: node:http and node:fs only. Correct MIME types (application/wasm matters: the browser
// only streams-compiles wasm served with it), index.html for folders, no path escapes from the root.
//
//   node tools/serve-site.mjs [--root DIR] [--port 8000] [--host 127.0.0.1]
//
// --port 0 picks a free port. The first line printed is "Serving <root> at <url>" so a test that spawns
// this script can read the address it got.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.zip': 'application/zip',
  '.xpi': 'application/x-xpinstall',
};

export function mimeTypeFor(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

// Maps a request URL to a file under root, or null when the URL tries to leave the root.
export function resolveRequestPath(root, requestUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  } catch {
    return null;  // malformed percent-encoding
  }
  if (pathname.includes('\0')) return null;
  const resolved = path.resolve(root, '.' + pathname);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

async function findFile(filePath) {
  try {
    const info = await stat(filePath);
    if (info.isDirectory()) return findFile(path.join(filePath, 'index.html'));
    return info.isFile() ? { filePath, size: info.size } : null;
  } catch {
    return null;
  }
}

export function createSiteServer(root) {
  const absoluteRoot = path.resolve(root);
  return createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const requested = resolveRequestPath(absoluteRoot, request.url);
    const found = requested && await findFile(requested);
    if (!found) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    response.writeHead(200, {
      'Content-Type': mimeTypeFor(found.filePath),
      'Content-Length': found.size,
      // The site is rebuilt often while developing; always revalidate.
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(found.filePath).pipe(response);
  });
}

function parseArguments(argv) {
  const defaultRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'site');
  const options = { root: defaultRoot, port: 8000, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i];
    const value = argv[i + 1];
    if (name === '--root' && value) options.root = value;
    else if (name === '--port' && value) options.port = Number(value);
    else if (name === '--host' && value) options.host = value;
    else if (name === '--help' || name === '-h') {
      console.log('usage: node tools/serve-site.mjs [--root DIR] [--port 8000] [--host 127.0.0.1]');
      process.exit(0);
    } else {
      console.error(`serve-site: unknown or incomplete argument ${name}`);
      process.exit(2);
    }
    i += 1;
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    console.error('serve-site: --port must be 0..65535');
    process.exit(2);
  }
  return options;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const options = parseArguments(process.argv.slice(2));
  const root = path.resolve(options.root);
  const indexFile = await findFile(root);
  if (!indexFile) {
    console.error(`serve-site: no index.html in ${root} (build it first: node tools/build-site.mjs)`);
    process.exit(1);
  }
  const server = createSiteServer(root);
  server.listen(options.port, options.host, () => {
    const { port } = server.address();
    const shownHost = options.host === '127.0.0.1' ? 'localhost' : options.host;
    console.log(`Serving ${root} at http://${shownHost}:${port}/`);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
