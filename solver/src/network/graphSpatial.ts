/**
 * Spatial indexes for building the street graph: merging street vertices that lie within a
 * tolerance (grid hashing) and finding the nearest street segment to a point (a uniform grid of
 * segments searched ring by ring). Both avoid the O(n²) pairwise comparison.
 */

import type { Point_m } from './types';

/** Finds or creates the node of a point: a point within `tolerance_m` of an existing node is that node. */
export class NodeMerger {
  readonly nodes: Point_m[] = [];
  private readonly cells = new Map<string, number[]>();

  constructor(private readonly tolerance_m: number) {}

  nodeAt(p: Point_m): number {
    const ix = Math.floor(p.x_m / this.tolerance_m);
    const iy = Math.floor(p.y_m / this.tolerance_m);
    let best = -1;
    let bestD = this.tolerance_m;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        for (const n of this.cells.get(`${ix + dx},${iy + dy}`) ?? []) {
          const d = distance(p, this.nodes[n]);
          if (d <= bestD) [best, bestD] = [n, d];
        }
      }
    if (best >= 0) return best;
    this.nodes.push({ x_m: p.x_m, y_m: p.y_m });
    const key = `${ix},${iy}`;
    const list = this.cells.get(key);
    if (list) list.push(this.nodes.length - 1);
    else this.cells.set(key, [this.nodes.length - 1]);
    return this.nodes.length - 1;
  }
}

export const distance = (p: Point_m, q: Point_m): number => Math.hypot(p.x_m - q.x_m, p.y_m - q.y_m);

/** The nearest point of a segment: its parameter t in [0, 1] from a to b, and the distance. */
export function projectOnSegment(p: Point_m, a: Point_m, b: Point_m): { t: number; d: number } {
  const dx = b.x_m - a.x_m;
  const dy = b.y_m - a.y_m;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((p.x_m - a.x_m) * dx + (p.y_m - a.y_m) * dy) / len2 : 0;
  t = Math.min(1, Math.max(0, t));
  return { t, d: Math.hypot(a.x_m + t * dx - p.x_m, a.y_m + t * dy - p.y_m) };
}

export interface Segment {
  a: Point_m;
  b: Point_m;
}

/**
 * A uniform grid over segments: each segment is registered in every cell it passes through, the
 * cell size is chosen so that there are about as many cells as segments. `nearest` searches rings
 * of cells around the point until no farther ring can hold a closer segment.
 */
export class SegmentGrid {
  private readonly cell: number;
  private readonly x0: number;
  private readonly y0: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly start: Int32Array;
  private readonly items: Int32Array;
  private readonly stamp: Int32Array;
  private query = 0;

  constructor(private readonly segments: readonly Segment[]) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const s of segments)
      for (const p of [s.a, s.b]) {
        [x0, y0] = [Math.min(x0, p.x_m), Math.min(y0, p.y_m)];
        [x1, y1] = [Math.max(x1, p.x_m), Math.max(y1, p.y_m)];
      }
    const n = Math.max(segments.length, 1);
    if (!Number.isFinite(x0)) [x0, y0, x1, y1] = [0, 0, 1, 1];
    const [w, h] = [x1 - x0, y1 - y0];
    this.cell = Math.max(Math.sqrt((w * h) / n), Math.max(w, h) / n, 1e-3);
    [this.x0, this.y0] = [x0, y0];
    this.nx = Math.floor(w / this.cell) + 1;
    this.ny = Math.floor(h / this.cell) + 1;
    const count = new Int32Array(this.nx * this.ny + 1);
    segments.forEach((s) => this.cellsOf(s, (c) => count[c + 1]++));
    for (let c = 0; c < this.nx * this.ny; c++) count[c + 1] += count[c];
    this.start = count.slice();
    this.items = new Int32Array(count[this.nx * this.ny]);
    const fill = count.slice();
    segments.forEach((s, i) => this.cellsOf(s, (c) => (this.items[fill[c]++] = i)));
    this.stamp = new Int32Array(segments.length).fill(-1);
  }

  /** Calls `visit` with every cell the segment passes through (each column's slab of the segment). */
  private cellsOf(s: Segment, visit: (cell: number) => void): void {
    const ax = (s.a.x_m - this.x0) / this.cell;
    const ay = (s.a.y_m - this.y0) / this.cell;
    const bx = (s.b.x_m - this.x0) / this.cell;
    const by = (s.b.y_m - this.y0) / this.cell;
    const clampX = (v: number) => Math.min(this.nx - 1, Math.max(0, Math.floor(v)));
    const clampY = (v: number) => Math.min(this.ny - 1, Math.max(0, Math.floor(v)));
    const [lo, hi] = [Math.min(ax, bx), Math.max(ax, bx)];
    for (let i = clampX(lo); i <= clampX(hi); i++) {
      let y0 = ay;
      let y1 = by;
      if (bx !== ax) {
        const yAt = (x: number) => ay + ((x - ax) * (by - ay)) / (bx - ax);
        [y0, y1] = [yAt(Math.max(lo, i)), yAt(Math.min(hi, i + 1))];
      }
      for (let j = clampY(Math.min(y0, y1)); j <= clampY(Math.max(y0, y1)); j++) visit(j * this.nx + i);
    }
  }

  /** The segment nearest to `p` (index, parameter t from a to b, distance), or null without segments. */
  nearest(p: Point_m): { segment: number; t: number; d: number } | null {
    if (this.segments.length === 0) return null;
    const q = this.query++;
    const cx = Math.min(this.nx - 1, Math.max(0, Math.floor((p.x_m - this.x0) / this.cell)));
    const cy = Math.min(this.ny - 1, Math.max(0, Math.floor((p.y_m - this.y0) / this.cell)));
    let best: { segment: number; t: number; d: number } | null = null;
    const visitCell = (i: number, j: number) => {
      if (i < 0 || j < 0 || i >= this.nx || j >= this.ny) return;
      const c = j * this.nx + i;
      for (let k = this.start[c]; k < this.start[c + 1]; k++) {
        const s = this.items[k];
        if (this.stamp[s] === q) continue;
        this.stamp[s] = q;
        const { t, d } = projectOnSegment(p, this.segments[s].a, this.segments[s].b);
        if (!best || d < best.d || (d === best.d && s < best.segment)) best = { segment: s, t, d };
      }
    };
    const maxRing = Math.max(this.nx, this.ny);
    for (let r = 0; r <= maxRing; r++) {
      if (r === 0) visitCell(cx, cy);
      for (let k = -r; k <= r && r > 0; k++) {
        visitCell(cx + k, cy - r);
        visitCell(cx + k, cy + r);
        if (k !== -r && k !== r) {
          visitCell(cx - r, cy + k);
          visitCell(cx + r, cy + k);
        }
      }
      // Cells beyond ring r are at least r cells away from the point's (clamped) cell.
      if (best && (best as { d: number }).d <= r * this.cell) break;
    }
    return best;
  }
}
