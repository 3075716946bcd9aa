/**
 * Renders build/icon.png (512×512) from the same geometry as assets/icons/werkplan.svg, with Node
 * built-ins only, for electron-builder. Run by `npm run dist`; the PNG is not kept in git.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const SIZE = 512;
const S = SIZE / 64; // the SVG's 64-unit viewBox
const line = [
  [10, 46],
  [22, 22],
  [32, 38],
  [42, 16],
  [54, 46],
].map(([x, y]) => [x * S, y * S]);

function distToSegment(px: number, py: number, [ax, ay]: number[], [bx, by]: number[]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inRoundedRect(
  x: number,
  y: number,
  x0: number,
  y0: number,
  w: number,
  h: number,
  r: number,
): boolean {
  const cx = Math.max(x0 + r, Math.min(x, x0 + w - r));
  const cy = Math.max(y0 + r, Math.min(y, y0 + h - r));
  return Math.hypot(x - cx, y - cy) <= r;
}

export function renderIcon(): Buffer {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      let rgba = [0, 0, 0, 0];
      if (inRoundedRect(px, py, 0, 0, SIZE, SIZE, 12 * S)) rgba = [0x12, 0x26, 0x3f, 255];
      if (inRoundedRect(px, py, 10 * S, 50 * S, 44 * S, 4 * S, 2 * S)) rgba = [0xb9, 0xc6, 0xd6, 255];
      for (let i = 0; i + 1 < line.length; i++)
        if (distToSegment(px, py, line[i], line[i + 1]) <= 2.5 * S) rgba = [0xf5, 0xa5, 0x24, 255];
      raw.set(rgba, y * (SIZE * 4 + 1) + 1 + x * 4);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

if (process.argv[1]?.endsWith('make-icon.ts')) {
  mkdirSync('build', { recursive: true });
  writeFileSync('build/icon.png', renderIcon());
  console.log('wrote build/icon.png');
}
