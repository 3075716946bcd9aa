import { describe, expect, it } from 'vitest';
import { NodeMerger, SegmentGrid, projectOnSegment, type Segment } from './graphSpatial';
import { seededRandom } from './testing';

const pt = (x_m: number, y_m: number) => ({ x_m, y_m });

describe('NodeMerger', () => {
  it('merges points within 0.5 m into the first node, also across grid cells', () => {
    const m = new NodeMerger(0.5);
    expect(m.nodeAt(pt(10, 10))).toBe(0);
    expect(m.nodeAt(pt(10.3, 10.3))).toBe(0); // 0.42 m away
    expect(m.nodeAt(pt(9.99, 9.6))).toBe(0); // other cell, 0.40 m away
    expect(m.nodeAt(pt(10.6, 10))).toBe(1); // 0.6 m away: a new node
    expect(m.nodes).toEqual([pt(10, 10), pt(10.6, 10)]);
  });
});

describe('projectOnSegment', () => {
  it('clamps to the ends and gives the perpendicular distance inside', () => {
    expect(projectOnSegment(pt(30, 10), pt(0, 0), pt(100, 0))).toEqual({ t: 0.3, d: 10 });
    expect(projectOnSegment(pt(-3, 4), pt(0, 0), pt(100, 0))).toEqual({ t: 0, d: 5 });
    expect(projectOnSegment(pt(5, 5), pt(1, 1), pt(1, 1))).toEqual({ t: 0, d: Math.hypot(4, 4) });
  });
});

describe('SegmentGrid', () => {
  it('finds the same nearest distance as a brute-force search, also for far points', () => {
    const rand = seededRandom(7);
    const segments: Segment[] = [];
    for (let i = 0; i < 300; i++) {
      const a = pt(rand() * 1000, rand() * 600);
      const len = rand() < 0.1 ? 400 : 30;
      const ang = rand() * 2 * Math.PI;
      segments.push({ a, b: pt(a.x_m + len * Math.cos(ang), a.y_m + len * Math.sin(ang)) });
    }
    segments.push({ a: pt(0, 0), b: pt(0, 0) }); // a degenerate one
    const grid = new SegmentGrid(segments);
    for (let q = 0; q < 500; q++) {
      const p = pt(rand() * 1600 - 300, rand() * 1200 - 300);
      const brute = Math.min(...segments.map((s) => projectOnSegment(p, s.a, s.b).d));
      const hit = grid.nearest(p)!;
      expect(hit.d).toBeCloseTo(brute, 9);
      expect(projectOnSegment(p, segments[hit.segment].a, segments[hit.segment].b).d).toBeCloseTo(hit.d, 9);
    }
  });

  it('handles a single horizontal segment and no segments', () => {
    const grid = new SegmentGrid([{ a: pt(0, 0), b: pt(5000, 0) }]);
    expect(grid.nearest(pt(2500, 30))).toEqual({ segment: 0, t: 0.5, d: 30 });
    expect(new SegmentGrid([]).nearest(pt(0, 0))).toBeNull();
  });
});
