import { describe, expect, it } from 'vitest';
import { spa } from './spa';
import { cosIncidence, sunPosition } from './solar';

/**
 * The example of Reda & Andreas, "Solar Position Algorithm for Solar Radiation Applications" (NREL/TP-560-34302,
 * 2008), Table A5.1/A5.2: 2003-10-17 12:30:30 local time, UTC −7 h, 39.742476 N, 105.1786 W, 1830.14 m,
 * 820 mbar, 11 °C, ΔT 67 s.
 */
const example = {
  utc_ms: Date.UTC(2003, 9, 17, 19, 30, 30),
  latitude_deg: 39.742476,
  longitude_deg: -105.1786,
  elevation_m: 1830.14,
  pressure_hPa: 820,
  temperature_C: 11,
  deltaT_s: 67,
};

describe("NREL's SPA", () => {
  it("reproduces the paper's example: zenith 50.11162°, azimuth 194.34024°", () => {
    const r = spa(example);
    expect(Math.abs(r.zenith_deg - 50.11162)).toBeLessThan(1e-5);
    expect(Math.abs(r.azimuth_deg - 194.34024)).toBeLessThan(1e-5);
    // The paper's intermediate values.
    expect(r.radius_AU).toBeCloseTo(0.9965422974, 9);
    expect(r.rightAscension_deg).toBeCloseTo(202.22741, 5);
    expect(r.declination_deg).toBeCloseTo(-9.31434, 5);
    expect(r.hourAngle_deg).toBeCloseTo(11.1059, 4);
  });

  it("gives the paper's incidence angle on a 30° surface turned 10° east of south: 25.18700°", () => {
    const r = spa(example);
    const sun = {
      zenith_deg: r.zenith_deg,
      azimuth_deg: r.azimuth_deg,
      elevation_deg: 90 - r.zenith_deg,
      extraterrestrial_W_m2: 0,
    };
    const aoi = (Math.acos(cosIncidence(sun, { tilt_deg: 30, azimuth_deg: 170 })) * 180) / Math.PI;
    expect(Math.abs(aoi - 25.187)).toBeLessThan(1e-5);
  });

  it('sunPosition is SPA at sea level in a standard atmosphere, within 0.01° of the full input', () => {
    const s = sunPosition(example.utc_ms, example.latitude_deg, example.longitude_deg, example.elevation_m);
    // Only refraction differs (1013.25 hPa and 12 °C instead of 820 hPa and 11 °C) and ΔT 69 s instead of 67 s.
    expect(Math.abs(s.zenith_deg - 50.11162)).toBeLessThan(0.01);
    expect(Math.abs(s.azimuth_deg - 194.34024)).toBeLessThan(0.01);
    expect(s.elevation_deg).toBeCloseTo(90 - s.zenith_deg, 12);
    // 1367 W/m² scaled by the inverse square of the Earth–sun distance.
    expect(s.extraterrestrial_W_m2).toBeCloseTo(1367 / 0.9965422974 ** 2, 3);
  });
});
