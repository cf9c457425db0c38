/**
 * Draws Skein's icon (a violet ball of yarn) as PNGs in public/icon/. Run once after changing
 * the design: `npx tsx scripts/make-icons.ts`. No image library needed: a PNG is a few zlib
 * chunks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage (0..1) of the yarn strands at a point, coordinates in 0..1. */
function strand(x: number, y: number): number {
  const arcs = [
    { cx: 0.95, cy: 1.05, r: 0.72 },
    { cx: 0.85, cy: 1.3, r: 0.78 },
    { cx: 1.15, cy: -0.25, r: 0.72 },
  ];
  let best = 1;
  for (const a of arcs) best = Math.min(best, Math.abs(Math.hypot(x - a.cx, y - a.cy) - a.r));
  return Math.max(0, Math.min(1, (0.045 - best) / 0.02 + 0.5));
}

function png(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      const samples = 4;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const d = Math.hypot(x - 0.5, y - 0.5);
          if (d > 0.47) continue;
          const s = strand(x, y);
          r += 120 + (235 - 120) * s;
          g += 86 + (228 - 86) * s;
          b += 255 + (255 - 255) * s;
          a += 255;
        }
      const n = samples * samples;
      row.set([Math.round(r / n), Math.round(g / n), Math.round(b / n), Math.round(a / n)], 1 + px * 4);
      if (a > 0) row.set([Math.round(r / (a / 255)), Math.round(g / (a / 255)), Math.round(b / (a / 255))], 1 + px * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
console.log('public/icon: 16, 32, 48, 96, 128');
