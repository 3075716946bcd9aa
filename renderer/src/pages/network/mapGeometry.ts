import { networkDnColour } from '../../../../solver/src';
import type { Point_m } from '../../../../solver/src';

/** Planar bounding box in metres. */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Metres → drawing units: x to the right, y flipped (planar y points north, SVG y down). */
export interface Fit {
  scale: number;
  x(x_m: number): number;
  y(y_m: number): number;
  /** Drawing units → metres (for hit tests). */
  toMetres(px: number, py: number): Point_m;
}

/** The box around all given point lists; a unit box at the origin when there are none. */
export function boundsOf(lists: Iterable<readonly Point_m[]>): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const list of lists)
    for (const p of list) {
      if (!Number.isFinite(p.x_m) || !Number.isFinite(p.y_m)) continue;
      minX = Math.min(minX, p.x_m);
      maxX = Math.max(maxX, p.x_m);
      minY = Math.min(minY, p.y_m);
      maxY = Math.max(maxY, p.y_m);
    }
  return minX <= maxX ? { minX, minY, maxX, maxY } : { minX: 0, minY: 0, maxX: 1, maxY: 1 };
}

/**
 * Fits the box into width × height less `pad` on every side, keeping the aspect ratio (one scale
 * for x and y) and centring the drawing; a box of zero extent counts as 1 m.
 */
export function fitBox(box: Box, width: number, height: number, pad: number): Fit {
  const dx = Math.max(box.maxX - box.minX, 1);
  const dy = Math.max(box.maxY - box.minY, 1);
  const scale = Math.min((width - 2 * pad) / dx, (height - 2 * pad) / dy);
  const ox = (width - dx * scale) / 2 - box.minX * scale;
  const oy = (height + dy * scale) / 2 + box.minY * scale;
  return {
    scale,
    x: (x) => ox + x * scale,
    y: (y) => oy - y * scale,
    toMetres: (px, py) => ({ x_m: (px - ox) / scale, y_m: (oy - py) / scale }),
  };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** SVG path data of polylines (one `M … L …` run each), rounded to 0.1 drawing units. */
export function polylinesPath(lines: Iterable<readonly Point_m[]>, fit: Fit): string {
  const parts: string[] = [];
  for (const line of lines) {
    if (line.length < 2) continue;
    parts.push(line.map((p, i) => `${i === 0 ? 'M' : 'L'}${r1(fit.x(p.x_m))} ${r1(fit.y(p.y_m))}`).join(''));
  }
  return parts.join('');
}

/** SVG path data of dots: a zero-length segment per point, drawn with round caps. */
export function dotsPath(points: Iterable<Point_m>, fit: Fit): string {
  const parts: string[] = [];
  for (const p of points) parts.push(`M${r1(fit.x(p.x_m))} ${r1(fit.y(p.y_m))}h0`);
  return parts.join('');
}

/** A colour for each DN present, small to large: the report's palette (results/views/network.ts), one colour per DN class. */
export function dnColours(dns: Iterable<number>): Map<number, string> {
  return new Map([...new Set(dns)].sort((a, b) => a - b).map((dn) => [dn, networkDnColour(dn)]));
}

/** Stroke width of a pipe in drawing units: grows with the square root of the DN, 1.5 to 8. */
export const dnWidth = (dn: number): number => Math.min(8, Math.max(1.5, 1 + Math.sqrt(dn) / 3));

/**
 * A scale bar about a fifth of the drawing wide: 1, 2 or 5 times a power of ten metres, and its
 * length in drawing units.
 */
export function scaleBar(width: number, scale: number): { metres: number; length: number } {
  const target = width / 5 / scale;
  const power = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((f) => f * power).find((m) => m <= target) ?? power;
  return { metres, length: metres * scale };
}
