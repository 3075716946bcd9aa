/**
 * TEMPORARY stand-ins (issue #17, branch h-netui) for the network functions the solver index will
 * export, so the planner's network page can be built before they exist. The lead replaces this file
 * at merge with the real reader (geojson.ts), defaults and design (design.ts); nothing else imports it.
 */
import type {
  DesignedPipe,
  NetworkDesign,
  NetworkInput,
  NetworkIssue,
  NetworkParams,
  Point_m,
} from './types';

export function defaultNetworkParams(): NetworkParams {
  return {
    supplyTemperature_C: 80,
    returnTemperature_C: 50,
    soilTemperature_C: 10,
    soilTemperatureAmplitude_K: 0,
    coverDepth_m: 0.8,
    soilConductivity_W_mK: 1.5,
    maxPressureGradient_Pa_m: 150,
    maxVelocity_m_s: 2,
    roughness_mm: 0.01,
    pumpEfficiency: 0.6,
    houseConnectionExtra_m: 5,
    maxHouseConnection_m: 100,
    fullLoadHours_h: 1800,
    pipes: [],
    forcedStreets: [],
    forbiddenStreets: [],
    excludedBuildings: [],
    sources: {},
  };
}

/** The defaults with the given overrides (absent fields keep their default). */
export function networkParams(overrides: Partial<NetworkParams> = {}): NetworkParams {
  const defined = Object.entries(overrides).filter(([, v]) => v !== undefined);
  return { ...defaultNetworkParams(), ...(Object.fromEntries(defined) as Partial<NetworkParams>) };
}

type Feature = { id?: unknown; geometry?: { type?: string; coordinates?: unknown }; properties?: unknown };

const pt = (c: unknown): Point_m => {
  const [x, y] = c as number[];
  return { x_m: x, y_m: y };
};

/** Reads a FeatureCollection: Points with `heat_MWh_a` are buildings, `kind: "plant"` a plant, LineStrings streets. */
export function readNetworkGeoJson(text: string): { input?: NetworkInput; issues: NetworkIssue[] } {
  let fc: { type?: unknown; features?: Feature[] };
  try {
    fc = JSON.parse(text) as typeof fc;
  } catch {
    return { issues: [{ code: 'notFeatureCollection', severity: 'error' }] };
  }
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    return { issues: [{ code: 'notFeatureCollection', severity: 'error' }] };
  const input: NetworkInput = { epsg: 25832, buildings: [], streets: [], plants: [] };
  fc.features.forEach((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const raw = p.id ?? f.id;
    const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : `f${i}`;
    const g = f.geometry;
    if (g?.type === 'LineString') input.streets.push({ id, points: (g.coordinates as unknown[]).map(pt) });
    else if (g?.type === 'Point' && p.kind === 'plant') input.plants.push({ id, at: pt(g.coordinates) });
    else if (g?.type === 'Point')
      input.buildings.push({ id, at: pt(g.coordinates), heat_MWh_a: Number(p.heat_MWh_a) });
  });
  return { input, issues: [] };
}

const pipe = (id: string, kind: DesignedPipe['kind'], dn: number, points: Point_m[]): DesignedPipe => {
  const length_m = points
    .slice(1)
    .reduce((s, q, i) => s + Math.hypot(q.x_m - points[i].x_m, q.y_m - points[i].y_m), 0);
  return {
    id,
    kind,
    points,
    dn,
    innerDiameter_m: dn / 1000,
    length_m,
    designFlow_kg_s: dn / 20,
    velocity_m_s: 0.8,
    pressureGradient_Pa_m: 100,
    heatLossCoefficient_W_mK: 0.2,
    cost_EUR: length_m * (500 + 5 * dn),
    buildingsDownstream: 1,
  };
};

/** A small fixed design: a trunk from the first plant eastwards and a house connection per building. */
export function designNetwork(
  input: NetworkInput,
  params: NetworkParams,
  opts?: { demandShape?: Float64Array },
): NetworkDesign {
  void opts;
  const served = input.buildings.filter((b) => !params.excludedBuildings.includes(b.id));
  const origin = input.plants[0]?.at ?? { x_m: 0, y_m: 0 };
  const pipes: DesignedPipe[] = input.streets.map((s, i) =>
    pipe(`trunk-${s.id}`, 'trunk', i === 0 ? 80 : 50, s.points),
  );
  for (const b of served)
    pipes.push(pipe(`connection-${b.id}`, 'connection', 25, [b.at, { x_m: b.at.x_m, y_m: origin.y_m }]));
  const lossesHourly_kW = new Float64Array(8760).fill(10);
  const heat = served.reduce((s, b) => s + b.heat_MWh_a, 0);
  const trunk = pipes.filter((p) => p.kind === 'trunk').reduce((s, p) => s + p.length_m, 0);
  return {
    epsg: input.epsg,
    pipes,
    summary: {
      buildings: served.length,
      trunkLength_m: trunk,
      connectionLength_m: pipes.filter((p) => p.kind === 'connection').reduce((s, p) => s + p.length_m, 0),
      investment_EUR: pipes.reduce((s, p) => s + p.cost_EUR, 0),
      heatDelivered_MWh_a: heat,
      heatLoss_MWh_a: 87.6,
      heatLossShare: heat > 0 ? 87.6 / (heat + 87.6) : 0,
      pumpElectricity_MWh_a: 1,
      plantPeak_kW: heat > 0 ? (heat * 1000) / params.fullLoadHours_h : 0,
      linearHeatDensity_MWh_m_a: trunk > 0 ? heat / trunk : 0,
    },
    lossesHourly_kW,
    pumpHourly_kW: new Float64Array(8760),
    plantHourly_kW: new Float64Array(8760).fill(10),
    served: served.map((b) => b.id),
    excluded: params.excludedBuildings,
    issues: [],
    seconds: 0,
  };
}

export function networkIssueText(issue: NetworkIssue, lang: 'de' | 'en'): string {
  const where = issue.id ? ` (${issue.id})` : '';
  return lang === 'de' ? `Problem in den Netzdaten${where}.` : `Problem in the network data${where}.`;
}
