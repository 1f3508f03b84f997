// site-server.mjs — builds the training site into a fresh temporary folder and serves it with
// tools/serve-site.mjs (spawned as the README's command runs it) on a free port.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from '../../../../tools/build-site.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

// Builds with the real engine from dist/lib (the build fails when it is missing: nothing fake is served).
export async function buildTestSite() {
  const dir = await mkdtemp(path.join(tmpdir(), 'postcheck-site-'));
  const out = path.join(dir, 'site');
  await buildSite({
    out,
    lib: path.join(repoRoot, 'dist', 'lib'),
    policyText: path.join(repoRoot, '..', 'shared', 'policy', 'social-media-policy.txt'),
    policiesDir: path.join(repoRoot, 'core', 'policies'),
    allowMissingEngine: process.env.SITE_ALLOW_MISSING_ENGINE === '1',
  });
  return { root: out, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

// Resolves to { origin, stop() } once the server prints its address.
export function startServer(root) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'tools', 'serve-site.mjs'), '--root', root, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`serve-site did not start: ${output}`)); }, 10_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /at http:\/\/[^:]+:(\d+)\//.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        origin: `http://127.0.0.1:${match[1]}`,
        stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); }),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve-site exited ${code}: ${output}`)); });
  });
}

// Build + serve, for a test file's before(); returns { origin, root, close() }.
export async function startTestSite() {
  const site = await buildTestSite();
  const server = await startServer(site.root);
  return { origin: server.origin, root: site.root, close: async () => { await server.stop(); await site.cleanup(); } };
}
