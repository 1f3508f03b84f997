// serve-site.test.mjs — tools/serve-site.mjs as the README runs it: MIME types (application/wasm for
// streaming compilation), folder index, 404s, and no way out of the served folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from './helpers/site-server.mjs';

let dir;
let server;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'serve-site-'));
  const root = path.join(dir, 'root');
  await mkdir(path.join(root, 'lib'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>home</title>');
  await writeFile(path.join(root, 'lib', 'core.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  await writeFile(path.join(root, 'lib', 'postcheck.js'), 'export {};');
  await writeFile(path.join(root, 'data.json'), '{}');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the root');
  server = await startServer(root);
});

after(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

// A raw request, so the path reaches the server exactly as written (fetch would normalise "..").
function get(rawPath) {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    http.get({ hostname, port, path: rawPath }, (response) => {
      let body = '';
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, type: response.headers['content-type'], body }));
    }).on('error', reject);
  });
}

test('serves each file type with its MIME type', async () => {
  assert.equal((await get('/lib/core.wasm')).type, 'application/wasm');
  assert.equal((await get('/lib/postcheck.js')).type, 'text/javascript; charset=utf-8');
  assert.equal((await get('/data.json')).type, 'application/json; charset=utf-8');
  const home = await get('/');
  assert.equal(home.status, 200);
  assert.equal(home.type, 'text/html; charset=utf-8');
  assert.match(home.body, /<title>home<\/title>/);
});

test('answers 404 for missing files and for paths outside the root', async () => {
  assert.equal((await get('/nope.html')).status, 404);
  for (const escape of ['/../secret.txt', '/%2e%2e/secret.txt', '/lib/..%2f..%2fsecret.txt', '/%00']) {
    const response = await get(escape);
    assert.equal(response.status, 404, escape);
    assert.doesNotMatch(response.body, /outside the root/);
  }
});
