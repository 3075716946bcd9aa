import { LpBuilder, type LpModel } from './model';

/** Small models with ranged rows, negative and free bounds, offsets and integers. */
export function sampleModels(): LpModel[] {
  const a = new LpBuilder('ranged');
  const x = a.addCol('x[t=0]', -5, 10, 1);
  const y = a.addCol('e1', -Infinity, Infinity, 2);
  const z = a.addCol('2z', 0, Infinity, -1);
  a.addRow('range[t=0]', [x, y], [1, 1], -2, 3);
  a.addRow('ge', [y, z], [1, -1], -4, Infinity);
  a.addRow('le', [x, z], [2, 1], -Infinity, 7);
  a.addRow('eq', [x, y, z], [1, -1, 1], 1, 1);
  a.objectiveOffset = 12.5;
  const b = new LpBuilder('mip');
  const cols = [b.addCol('i', 0, 10, -3, true), b.addCol('j', 0, 10, -2, true), b.addCol('k', 0, 4.5, -1)];
  b.addRow('cap', cols, [2, 3, 1], -Infinity, 12.5);
  b.addRow('mix', [cols[0], cols[1]], [1, -1], -1, 1);
  return [a.build(), b.build()];
}

/** Seeded random feasible LPs: rows built around a known feasible point. */
export function randomModels(count: number, seed = 7): LpModel[] {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const out: LpModel[] = [];
  for (let m = 0; m < count; m++) {
    const b = new LpBuilder(`rand${m}`);
    const n = 6 + Math.floor(rnd() * 6);
    const x0 = Array.from({ length: n }, () => rnd() * 10);
    const cols = x0.map((_, j) => b.addCol(`v${j}`, 0, 20, rnd() * 4 - 1));
    for (let r = 0; r < n; r++) {
      const coefs = cols.map(() => Math.round((rnd() * 4 - 1) * 100) / 100);
      const act = coefs.reduce((acc, c, j) => acc + c * x0[j], 0);
      b.addRow(`c${r}`, cols, coefs, -Infinity, act + rnd() * 3);
    }
    out.push(b.build());
  }
  return out;
}
