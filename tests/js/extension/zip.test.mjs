// zip.test.mjs — the build's zip writer produces archives whose entries read back byte for byte.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { makeZip } from '../../../tools/extension/zip.mjs';

// Reads a zip through its central directory (what browsers and stores do).
function readZip(buf) {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = {};
  for (let i = 0; i < count; i += 1) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const localName = buf.readUInt16LE(localOffset + 26);
    const dataStart = localOffset + 30 + localName + buf.readUInt16LE(localOffset + 28);
    const body = buf.subarray(dataStart, dataStart + size);
    out[name] = method === 8 ? inflateRawSync(body) : body;
    p += 46 + nameLength;
  }
  return out;
}

test('entries round-trip, stored or deflated, and the bytes are deterministic', () => {
  const entries = [
    { name: 'manifest.json', data: Buffer.from('{"a":1}') },
    { name: 'src/big.js', data: Buffer.from('x'.repeat(10000)) },
    { name: 'lib/core.wasm', data: Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]) },
  ];
  const zip = makeZip(entries);
  const back = readZip(zip);
  for (const e of entries) assert.deepEqual(back[e.name], e.data);
  assert.ok(zip.length < 10000);
  assert.deepEqual(makeZip(entries), zip);
});
