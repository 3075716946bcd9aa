import { boiler, heatStorage, testProject } from '../model/testing';
import type { Project } from '../project/types';

/**
 * Four days: a gas boiler, an electric boiler on a day/night tariff and a heat storage that shifts
 * cheap night electricity into the day, so storage levels link the days; optionally a CO2 cap that
 * links all hours through one annual row.
 */
export function fourDays(co2Cap_t?: number): Project {
  const heat = Array.from(
    { length: 96 },
    (_, h) => 100 + 60 * Math.sin((2 * Math.PI * h) / 24) + 20 * Math.floor(h / 24),
  );
  const price = Array.from({ length: 96 }, (_, h) => (h % 24 < 6 ? 0.04 : 0.3));
  const p = testProject({
    heat,
    gasPrice: 0.08,
    gridImport: { price, co2: 0.4 },
    technologies: [
      boiler('gb', 0.9, 2),
      { ...boiler('eb', 0.99, 1), type: 'electricBoiler', fuel: undefined } as never,
      heatStorage('tes', 0.05, { cRate_per_h: 0.5, loss_per_h: 0.01 }),
    ],
  });
  if (co2Cap_t !== undefined) p.constraints = { co2Cap_t };
  return p;
}
