import { describe, expect, it } from 'vitest';
import { indexLines, nearestLine, nearestPoint, segmentDistance } from './hitTest';
import { fitBox } from './mapGeometry';

const p = (x_m: number, y_m: number) => ({ x_m, y_m });
// 1 m = 1 unit, y flipped: y_units = 100 - y_m
const fit = fitBox({ minX: 0, minY: 0, maxX: 100, maxY: 100 }, 100, 100, 0);

describe('hit tests', () => {
  it('measures the distance to a segment, its ends included', () => {
    expect(segmentDistance(5, 3, 0, 0, 10, 0)).toBe(3);
    expect(segmentDistance(13, 4, 0, 0, 10, 0)).toBe(5); // beyond the end: 3-4-5
    expect(segmentDistance(1, 1, 2, 2, 2, 2)).toBeCloseTo(Math.SQRT2, 12);
  });

  it('finds the nearest polyline within the tolerance, across grid cells', () => {
    const lines = [
      [p(0, 50), p(100, 50)], // horizontal, y units 50
      [p(60, 0), p(60, 40), p(90, 40)], // an L below it
    ];
    const index = indexLines(lines, fit, 8);
    expect(nearestLine(index, 30, 47, 6)).toBe(0);
    expect(nearestLine(index, 75, 62, 6)).toBe(1); // second segment, y_m 40 → 60 units
    // 6 units from line 0, 4 from the L's second segment (y 60 units): the nearer one wins
    expect(nearestLine(index, 61, 56, 6)).toBe(1);
    expect(nearestLine(index, 30, 40, 6)).toBeNull();
  });

  it('finds the nearest point within the tolerance', () => {
    const pts = [p(10, 10), p(12, 10), p(50, 50)];
    expect(nearestPoint(pts, fit, 11.8, 90, 3)).toBe(1);
    expect(nearestPoint(pts, fit, 30, 30, 3)).toBeNull();
  });
});
