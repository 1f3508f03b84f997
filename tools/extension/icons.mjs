// icons.mjs — draws PostCheck's toolbar icon (a white tick on a green rounded square) as PNG at any
// size, so no binary image lives in the repository.
import { deflateSync } from 'node:zlib';

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

// Distance from point p to the segment a–b (all [x, y]).
function segmentDistance(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

export function iconPng(size) {
  const rows = [];
  const radius = 0.22;
  const tick = [[0.27, 0.53], [0.43, 0.69], [0.74, 0.34]];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < 4; sy += 1) for (let sx = 0; sx < 4; sx += 1) { // 4×4 supersampling
        const p = [(x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size];
        const qx = Math.max(radius - p[0], 0, p[0] - (1 - radius));
        const qy = Math.max(radius - p[1], 0, p[1] - (1 - radius));
        if (Math.hypot(qx, qy) > radius) continue;
        cover += 1;
        if (Math.min(segmentDistance(p, tick[0], tick[1]), segmentDistance(p, tick[1], tick[2])) < 0.075) white += 1;
      }
      const w = cover ? white / cover : 0;
      const o = 1 + x * 4;
      row[o] = Math.round(0x13 + (255 - 0x13) * w);
      row[o + 1] = Math.round(0x73 + (255 - 0x73) * w);
      row[o + 2] = Math.round(0x33 + (255 - 0x33) * w);
      row[o + 3] = Math.round((255 * cover) / 16);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}
