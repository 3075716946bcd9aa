/**
 * Test data of the network page's tests: a fixed input and design standing in for the solver's
 * reader and design, so the tests check the page, not the solver (whose figures change with it).
 */
import type {
  DesignedPipe,
  NetworkDesign,
  NetworkInput,
  NetworkIssue,
  NetworkParams,
  Point_m,
} from '../../../../solver/src';

const p = (x_m: number, y_m: number): Point_m => ({ x_m, y_m });

/** Plant at the origin, street s1 east to s2, s3 north from (200, 0); three buildings. */
export const FIXTURE_INPUT: NetworkInput = {
  epsg: 25832,
  plants: [{ id: 'p1', at: p(0, 0) }],
  streets: [
    { id: 's1', points: [p(0, 0), p(200, 0)] },
    { id: 's2', points: [p(200, 0), p(400, 0)] },
    { id: 's3', points: [p(200, 0), p(200, 200)] },
  ],
  buildings: [
    { id: 'b1', at: p(100, 30), heat_MWh_a: 40 },
    { id: 'b2', at: p(300, -30), heat_MWh_a: 50 },
    { id: 'b3', at: p(230, 200), heat_MWh_a: 30 },
  ],
};

const pipe = (
  id: string,
  kind: DesignedPipe['kind'],
  dn: number,
  points: Point_m[],
  more: Partial<DesignedPipe> = {},
): DesignedPipe => ({
  id,
  kind,
  points,
  dn,
  innerDiameter_m: dn / 1000,
  length_m: 200,
  designFlow_kg_s: 1,
  velocity_m_s: 0.5,
  pressureGradient_Pa_m: 50,
  heatLossCoefficient_W_mK: 0.2,
  cost_EUR: 100_000,
  buildingsDownstream: 1,
  ...more,
});

export const FIXTURE_PIPES: DesignedPipe[] = [
  pipe('t1', 'trunk', 80, [p(0, 0), p(200, 0)], {
    designFlow_kg_s: 2.5,
    velocity_m_s: 0.85,
    pressureGradient_Pa_m: 95,
    cost_EUR: 150_000,
    buildingsDownstream: 3,
  }),
  pipe('t2', 'trunk', 50, [p(200, 0), p(300, 0)], { length_m: 100, cost_EUR: 60_000 }),
  pipe('c1', 'connection', 25, [p(100, 30), p(100, 0)], { length_m: 30, cost_EUR: 9_000 }),
  pipe('c2', 'connection', 25, [p(300, -30), p(300, 0)], { length_m: 30, cost_EUR: 9_000 }),
];

/** 8760 hours of 10 kW: 7.44 MWh in January (744 h), 87.6 MWh in the year. */
export function fixtureDesign(): NetworkDesign {
  return {
    epsg: 25832,
    pipes: FIXTURE_PIPES,
    summary: {
      buildings: 2,
      trunkLength_m: 300,
      connectionLength_m: 60,
      investment_EUR: 228_000,
      heatDelivered_MWh_a: 90,
      heatLoss_MWh_a: 87.6,
      heatLossShare: 87.6 / 177.6,
      pumpElectricity_MWh_a: 1.25,
      plantPeak_kW: 50,
      linearHeatDensity_MWh_m_a: 0.3,
    },
    lossesHourly_kW: new Float64Array(8760).fill(10),
    pumpHourly_kW: new Float64Array(8760),
    plantHourly_kW: new Float64Array(8760).fill(20),
    served: ['b1', 'b2'],
    excluded: ['b3'],
    issues: [{ code: 'buildingFarFromStreet', id: 'b3', values: { distance_m: 120 }, severity: 'warning' }],
    seconds: 0.2,
  };
}

/** The reader: a FeatureCollection gives the fixture, one with `"bad": true` a located error. */
/** The stand-in reader for an already parsed document (the store reads the project's object). */
export const fakeCollection = (doc: unknown) => fakeRead(JSON.stringify(doc));

export function fakeRead(text: string): { input?: NetworkInput; issues: NetworkIssue[] } {
  let v: { type?: unknown; bad?: unknown };
  try {
    v = JSON.parse(text) as typeof v;
  } catch {
    return { issues: [{ code: 'notFeatureCollection', severity: 'error' }] };
  }
  if (v.type !== 'FeatureCollection')
    return { issues: [{ code: 'notFeatureCollection', severity: 'error' }] };
  if (v.bad)
    return {
      input: FIXTURE_INPUT,
      issues: [{ code: 'missingHeat', feature: 3, id: 'b9', severity: 'error' }],
    };
  return { input: FIXTURE_INPUT, issues: [] };
}

const TEXTS: Record<string, Record<'de' | 'en', string>> = {
  notFeatureCollection: {
    de: 'Die Datei ist keine GeoJSON-FeatureCollection.',
    en: 'The file is not a GeoJSON FeatureCollection.',
  },
  missingHeat: {
    de: 'Gebäude {id} (Objekt {n}): Wärmebedarf fehlt.',
    en: 'Building {id} (feature {n}): heat demand missing.',
  },
  buildingFarFromStreet: {
    de: 'Gebäude {id} liegt zu weit von jeder Straße.',
    en: 'Building {id} is too far from every street.',
  },
};

export function fakeIssueText(issue: NetworkIssue, lang: 'de' | 'en'): string {
  return (TEXTS[issue.code]?.[lang] ?? issue.code)
    .replace('{id}', issue.id ?? '')
    .replace('{n}', String((issue.feature ?? 0) + 1));
}

export const fakeDesign = (input: NetworkInput, params: NetworkParams): NetworkDesign => {
  void input;
  void params;
  return fixtureDesign();
};

/** A valid file's text (its content is the fixture's business; the page only stores it). */
export const VALID_FILE = JSON.stringify({ type: 'FeatureCollection', features: [] });
