import { networkDnColour } from '../../../../solver/src';
import { describe, expect, it } from 'vitest';
import { boundsOf, dnColours, dnWidth, dotsPath, fitBox, polylinesPath, scaleBar } from './mapGeometry';

const p = (x_m: number, y_m: number) => ({ x_m, y_m });

describe('map geometry', () => {
  it('finds the bounding box, skipping points without coordinates', () => {
    expect(boundsOf([[p(3, 4), p(-1, 10)], [p(NaN, 0)], []])).toEqual({
      minX: -1,
      minY: 4,
      maxX: 3,
      maxY: 10,
    });
    expect(boundsOf([])).toEqual({ minX: 0, minY: 0, maxX: 1, maxY: 1 });
  });

  it('fits a box keeping the aspect ratio, centred, y flipped', () => {
    // 400 × 100 m into 820 × 520 less 10: scale min(800/400, 500/100) = 2; 200 units tall, centred
    const fit = fitBox({ minX: 1000, minY: 5000, maxX: 1400, maxY: 5100 }, 820, 520, 10);
    expect(fit.scale).toBe(2);
    expect(fit.x(1000)).toBe(10);
    expect(fit.x(1400)).toBe(810);
    expect(fit.y(5000)).toBe(360); // bottom: (520 + 200) / 2
    expect(fit.y(5100)).toBe(160); // top: north is up
    expect(fit.toMetres(410, 260)).toEqual({ x_m: 1200, y_m: 5050 });
  });

  it('counts a box without extent as one metre', () => {
    const fit = fitBox({ minX: 5, minY: 5, maxX: 5, maxY: 5 }, 100, 100, 0);
    expect(fit.scale).toBe(100);
    expect([fit.x(5), fit.y(5)]).toEqual([0, 100]);
  });

  it('writes polylines and dots as path data rounded to 0.1', () => {
    const fit = fitBox({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, 10, 10, 0);
    expect(polylinesPath([[p(0, 0), p(10, 0), p(10, 10)], [p(1, 1)], [p(0.333, 1), p(2, 2)]], fit)).toBe(
      'M0 10L10 10L10 0M0.3 9L2 8',
    );
    expect(dotsPath([p(1, 2), p(3, 4)], fit)).toBe('M1 8h0M3 6h0');
  });

  it('gives each DN the colour the report gives it (one palette for map and report)', () => {
    const c = dnColours([100, 25, 40, 25]);
    expect([...c.keys()]).toEqual([25, 40, 100]);
    for (const dn of [25, 40, 100]) expect(c.get(dn)).toBe(networkDnColour(dn));
    expect(new Set(c.values()).size).toBe(3);
  });

  it('widens the line with the DN between 1.5 and 8', () => {
    expect(dnWidth(9)).toBe(2); // 1 + 3/3
    expect(dnWidth(100)).toBeCloseTo(1 + 10 / 3, 12);
    expect(dnWidth(1)).toBe(1.5);
    expect(dnWidth(1000)).toBe(8);
  });

  it('picks a 1-2-5 scale bar of at most a fifth of the width', () => {
    // 800 units at 1.88 units/m: a fifth is 85.1 m → 50 m, 94 units
    expect(scaleBar(800, 1.88)).toEqual({ metres: 50, length: 94 });
    // at 0.1 units/m a fifth is 1600 m → 1000 m
    expect(scaleBar(800, 0.1).metres).toBe(1000);
    // exactly 200 m → 200 m
    expect(scaleBar(1000, 1).metres).toBe(200);
  });
});
