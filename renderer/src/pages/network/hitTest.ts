import type { Point_m } from '../../../../solver/src';
import type { Fit } from './mapGeometry';

/** Distance from (px, py) to the segment (x1, y1)–(x2, y2). */
export function segmentDistance(
  px: number,
  py: number,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/** Polylines in drawing units, filed in a grid of square cells so a pointer finds its line fast. */
export interface LineIndex {
  /** Per segment: x1, y1, x2, y2. */
  coords: Float64Array;
  /** Per segment: the polyline it belongs to. */
  line: Int32Array;
  cell: number;
  cells: Map<number, number[]>;
}

const OFFSET = 1000;
const key = (cx: number, cy: number) => (cy + OFFSET) * 4 * OFFSET + (cx + OFFSET);

export function indexLines(lines: readonly (readonly Point_m[])[], fit: Fit, cell = 24): LineIndex {
  const n = lines.reduce((s, l) => s + Math.max(0, l.length - 1), 0);
  const coords = new Float64Array(4 * n);
  const line = new Int32Array(n);
  const cells = new Map<number, number[]>();
  let k = 0;
  lines.forEach((points, li) => {
    for (let i = 1; i < points.length; i++, k++) {
      const x1 = fit.x(points[i - 1].x_m);
      const y1 = fit.y(points[i - 1].y_m);
      const x2 = fit.x(points[i].x_m);
      const y2 = fit.y(points[i].y_m);
      coords.set([x1, y1, x2, y2], 4 * k);
      line[k] = li;
      const c0 = Math.floor(Math.min(x1, x2) / cell);
      const c1 = Math.floor(Math.max(x1, x2) / cell);
      const r0 = Math.floor(Math.min(y1, y2) / cell);
      const r1 = Math.floor(Math.max(y1, y2) / cell);
      // a long segment outside the drawing would fill too many cells: clamp to the drawing's area
      for (let cx = Math.max(c0, -OFFSET); cx <= Math.min(c1, OFFSET); cx++)
        for (let cy = Math.max(r0, -OFFSET); cy <= Math.min(r1, OFFSET); cy++) {
          const list = cells.get(key(cx, cy));
          if (list) list.push(k);
          else cells.set(key(cx, cy), [k]);
        }
    }
  });
  return { coords, line, cell, cells };
}

/** The polyline nearest to (px, py) within `tolerance` drawing units, or null. */
export function nearestLine(index: LineIndex, px: number, py: number, tolerance: number): number | null {
  const { coords, cell, cells } = index;
  let best: number | null = null;
  let bestD = tolerance;
  const seen = new Set<number>();
  for (let cx = Math.floor((px - tolerance) / cell); cx <= Math.floor((px + tolerance) / cell); cx++)
    for (let cy = Math.floor((py - tolerance) / cell); cy <= Math.floor((py + tolerance) / cell); cy++)
      for (const k of cells.get(key(cx, cy)) ?? []) {
        if (seen.has(k)) continue;
        seen.add(k);
        const d = segmentDistance(
          px,
          py,
          coords[4 * k],
          coords[4 * k + 1],
          coords[4 * k + 2],
          coords[4 * k + 3],
        );
        if (d <= bestD) {
          bestD = d;
          best = index.line[k];
        }
      }
  return best;
}

/** The point nearest to (px, py) within `tolerance` drawing units, or null. */
export function nearestPoint(
  points: readonly Point_m[],
  fit: Fit,
  px: number,
  py: number,
  tolerance: number,
): number | null {
  let best: number | null = null;
  let bestD = tolerance;
  points.forEach((p, i) => {
    const d = Math.hypot(fit.x(p.x_m) - px, fit.y(p.y_m) - py);
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}
