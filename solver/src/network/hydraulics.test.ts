import { describe, expect, it } from 'vitest';
import {
  chooseDn,
  darcyFrictionFactor,
  designMassFlow_kg_s,
  frictionFactorColebrook,
  frictionFactorSwameeJain,
  pipeFlow,
  reynolds,
  velocity_m_s,
} from './hydraulics';
import { defaultNetworkParams } from './defaults';

describe('velocity and Reynolds number', () => {
  it('v = ṁ / (ρ π D²/4), Re = ρ v D / μ', () => {
    // DN50, D = 0.0545 m: A = π · 0.0545² / 4 = 2.332829e-3 m²; 1.193 kg/s at 983.60 kg/m³:
    // v = 1.193 / (983.60 · 2.332829e-3) = 0.519923 m/s; Re = 983.60 · 0.519923 · 0.0545 / 466.26e-6 = 59775.8
    expect(velocity_m_s(1.192999169, 0.0545, 983.6)).toBeCloseTo(0.5199226, 6);
    expect(reynolds(0.5199226, 0.0545, 983.6, 466.26e-6)).toBeCloseTo(59775.8, 0);
  });
});

describe('friction factor', () => {
  it('is 64/Re below 2300 and 0 without flow', () => {
    expect(darcyFrictionFactor(1000, 0.001)).toBeCloseTo(0.064, 12);
    expect(darcyFrictionFactor(2299, 0.001)).toBeCloseTo(64 / 2299, 12);
    expect(darcyFrictionFactor(0, 0.001)).toBe(0);
  });

  it('uses Swamee–Jain from 2300 on', () => {
    // Re = 1e5, ε/D = 1e-3: log10(1e-3/3.7 + 5.74/1e5^0.9) = log10(2.702703e-4 + 1.815147e-4)
    // = log10(4.517850e-4) = −3.345068; f = 0.25 / 11.189481 = 0.0223424
    expect(frictionFactorSwameeJain(1e5, 1e-3)).toBeCloseTo(0.0223424, 6);
    expect(darcyFrictionFactor(1e5, 1e-3)).toBe(frictionFactorSwameeJain(1e5, 1e-3));
  });

  it('Colebrook–White: 0.022175 at Re = 1e5, ε/D = 1e-3 (Moody chart ≈ 0.0222)', () => {
    const f = frictionFactorColebrook(1e5, 1e-3);
    // The iteration's fixed point satisfies the equation:
    expect(1 / Math.sqrt(f)).toBeCloseTo(-2 * Math.log10(1e-3 / 3.7 + 2.51 / (1e5 * Math.sqrt(f))), 10);
    expect(f).toBeCloseTo(0.0221745, 6);
  });

  /** Largest relative deviation of Swamee–Jain from Colebrook–White on a grid. */
  function worstDeviation(reFrom: number, roughTo: number): number {
    let worst = 0;
    for (let e = Math.log10(reFrom); e <= 8 + 1e-9; e += 0.125) {
      for (let r = -6; r <= Math.log10(roughTo) + 1e-9; r += 0.25) {
        const re = 10 ** e;
        const sj = frictionFactorSwameeJain(re, 10 ** r);
        worst = Math.max(worst, Math.abs(sj / frictionFactorColebrook(re, 10 ** r) - 1));
      }
    }
    return worst;
  }

  it('Swamee–Jain lies within 2 % of Colebrook–White where district-heating pipes run', () => {
    // Re 1e4–1e8, ε/D ≤ 2.5e-3 (0.05 mm in DN20, D = 21.7 mm, is 2.3e-3): largest deviation 1.5 %.
    expect(worstDeviation(1e4, 2.5e-3)).toBeLessThan(0.02);
  });

  it('and within 3 % over its whole stated range 5e3 ≤ Re ≤ 1e8, 1e-6 ≤ ε/D ≤ 1e-2', () => {
    // The corner Re = 5e3, ε/D = 1e-2 is the worst: +2.8 % (Swamee–Jain higher, so conservative).
    expect(worstDeviation(5e3, 1e-2)).toBeLessThan(0.03);
    expect(frictionFactorSwameeJain(5e3, 1e-2)).toBeGreaterThan(frictionFactorColebrook(5e3, 1e-2));
  });
});

describe('pipeFlow (Darcy–Weisbach)', () => {
  it('gives 57.0 Pa/m for 1.193 kg/s in DN50 at 60 °C, ε = 0.05 mm', () => {
    // v = 0.519923 m/s, Re = 59775.8 (above); ε/D = 0.05/54.5 = 9.174312e-4
    // Swamee–Jain: log10(9.174312e-4/3.7 + 5.74/59775.8^0.9) = log10(2.479544e-4 + 2.884290e-4) = −3.270525
    // f = 0.25 / 10.696332 = 0.0233725; R = f/D · ρ v²/2 = 0.0233725/0.0545 · 983.60 · 0.270320/2 = 57.01 Pa/m
    const flow = pipeFlow(1.192999169, 0.0545, 60, 0.05);
    expect(flow.velocity_m_s).toBeCloseTo(0.51992, 4);
    expect(flow.reynolds).toBeCloseTo(59775.8, 0);
    expect(flow.frictionFactor).toBeCloseTo(0.0233725, 6);
    expect(flow.pressureGradient_Pa_m).toBeCloseTo(57.01, 1);
  });

  it('is zero without flow', () => {
    expect(pipeFlow(0, 0.0545, 60, 0.05).pressureGradient_Pa_m).toBe(0);
  });
});

describe('designMassFlow_kg_s', () => {
  it('ṁ = Q / (cp ΔT) with cp at the mean temperature', () => {
    // 150 kW, 75/45 °C: cp(60 °C) = 4180.8 J/(kg·K); ṁ = 150000 / (4180.8 · 30) = 1.195943 kg/s
    expect(designMassFlow_kg_s(150, 75, 45)).toBeCloseTo(1.195943, 6);
  });
});

describe('chooseDn', () => {
  const params = defaultNetworkParams();

  it('takes the smallest pipe with R ≤ 150 Pa/m and v ≤ 2.5 m/s', () => {
    // 1.193 kg/s at 60 °C: DN40 (D 43.1 mm) 185.3 Pa/m > 150; DN50 57.0 Pa/m → DN50
    expect(chooseDn(1.192999169, 60, params)?.dn).toBe(50);
    // 0.3988 kg/s: DN25 (D 28.5 mm) 188.2 Pa/m; DN32 (D 37.2 mm) 49.8 Pa/m → DN32
    expect(chooseDn(0.3988165, 60, params)?.dn).toBe(32);
  });

  it('lets the velocity limit decide when it binds first', () => {
    // With no gradient limit, 1.193 kg/s: DN25 v = 1.90 m/s ≤ 2.5; DN20 v = 3.28 m/s > 2.5 → DN25
    expect(chooseDn(1.192999169, 60, { ...params, maxPressureGradient_Pa_m: 1e9 })?.dn).toBe(25);
  });

  it('does not rely on the catalogue order', () => {
    expect(chooseDn(1.192999169, 60, { ...params, pipes: [...params.pipes].reverse() })?.dn).toBe(50);
  });

  it('gives undefined when even DN400 is too small', () => {
    expect(chooseDn(2000, 60, params)).toBeUndefined();
  });
});
