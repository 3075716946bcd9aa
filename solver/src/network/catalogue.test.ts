import { describe, expect, it } from 'vitest';
import { COST_EUR_M, defaultPipes, singlePipeHeatLossCoefficient_W_mK, STEEL_PIPES_EN253 } from './catalogue';

describe('singlePipeHeatLossCoefficient_W_mK (EN 13941-1 simplified)', () => {
  it('gives 0.2332 W/(m·K) for DN100 series 2 at 0.8 m cover in soil of 1.5 W/(m·K)', () => {
    // do = 0.1143 m, Dc = 0.225 m, Z = 0.8 + 0.225/2 = 0.9125 m
    // insulation: ln(0.225/0.1143) / (2π · 0.027) = 0.677274 / 0.169646 = 3.992277 m·K/W
    // soil:       ln(4 · 0.9125/0.225) / (2π · 1.5) = 2.786382 / 9.424778 = 0.295644 m·K/W
    // U = 1 / 4.287921 = 0.233213 W/(m·K)
    expect(singlePipeHeatLossCoefficient_W_mK(0.1143, 0.225, 0.8, 1.5)).toBeCloseTo(0.233213, 5);
  });

  it('loses more in better-conducting soil and with thinner insulation', () => {
    const base = singlePipeHeatLossCoefficient_W_mK(0.1143, 0.225, 0.8, 1.5);
    expect(singlePipeHeatLossCoefficient_W_mK(0.1143, 0.225, 0.8, 2.5)).toBeGreaterThan(base);
    expect(singlePipeHeatLossCoefficient_W_mK(0.1143, 0.2, 0.8, 1.5)).toBeGreaterThan(base);
    expect(singlePipeHeatLossCoefficient_W_mK(0.1143, 0.225, 0.8, 1.5, 0.024)).toBeLessThan(base);
  });
});

describe('defaultPipes', () => {
  const pipes = defaultPipes(0.8, 1.5);

  it('has DN20 to DN400 in ascending order, insulation series 2, every row with a cost', () => {
    expect(pipes.map((p) => p.dn)).toEqual([
      20, 25, 32, 40, 50, 65, 80, 100, 125, 150, 200, 250, 300, 350, 400,
    ]);
    for (let i = 1; i < pipes.length; i++) {
      expect(pipes[i].innerDiameter_m).toBeGreaterThan(pipes[i - 1].innerDiameter_m);
      expect(pipes[i].cost_EUR_m).toBeGreaterThan(pipes[i - 1].cost_EUR_m);
    }
    for (const p of pipes) {
      expect(p.insulationClass).toBe(2);
      expect(p.cost_EUR_m).toBe(COST_EUR_M[p.dn]);
      expect(p.casingDiameter_m).toBeGreaterThan(p.innerDiameter_m);
    }
  });

  it('derives inner diameters from EN 253 outer diameter × wall', () => {
    const dn100 = pipes.find((p) => p.dn === 100)!;
    expect(dn100.innerDiameter_m).toBeCloseTo(0.1071, 10); // 114.3 − 2 × 3.6 = 107.1 mm
    expect(pipes[0].innerDiameter_m).toBeCloseTo(0.0217, 10); // DN20: 26.9 − 2 × 2.6 = 21.7 mm
    expect(pipes[14].innerDiameter_m).toBeCloseTo(0.3938, 10); // DN400: 406.4 − 2 × 6.3 = 393.8 mm
    expect(STEEL_PIPES_EN253).toHaveLength(15);
  });

  it('computes U per row from the cover depth and soil conductivity (not typed in)', () => {
    const dn100 = pipes.find((p) => p.dn === 100)!;
    expect(dn100.heatLossCoefficient_W_mK).toBeCloseTo(0.233213, 5);
    // DN20: ln(110/26.9)/(2π·0.027) + ln(4·0.855/0.110)/(2π·1.5) = 8.301723 + 0.364668 → U = 0.115388
    expect(pipes[0].heatLossCoefficient_W_mK).toBeCloseTo(0.115388, 4);
    const deeper = defaultPipes(1.2, 1.5).find((p) => p.dn === 100)!;
    expect(deeper.heatLossCoefficient_W_mK).toBeLessThan(dn100.heatLossCoefficient_W_mK);
  });

  it('says in each row which figures are a standard and which are Annahme, with the date', () => {
    for (const p of pipes) {
      expect(p.source).toContain('EN 253');
      expect(p.source).toContain('EN 13941-1');
      expect(p.source).toContain('Annahme');
      expect(p.source).toContain('12/2026');
    }
  });
});
