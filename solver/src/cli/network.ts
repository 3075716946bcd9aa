import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import type { CliIo } from './main';
import { optionIn, parseArgs, stringOption } from './args';
import { loadProjectOrReport } from './load';
import { nodeTryLoader } from './weather';
import { readBuildingsCsv } from '../network/csv';
import { degreeHourShape, hourlyShape } from '../network/demandShape';
import { designNetwork, NetworkInputError, networkParams } from '../network/design';
import { readNetworkGeoJson, toWgs84 } from '../network/geojson';
import { networkIssueText } from '../network/messages';
import { networkGeoJson } from '../network/output';
import type { NetworkInput, NetworkParams } from '../network/types';
import { NetworkSchema } from '../project/networkSchema';
import { hoursInYear } from '../project/calendar';
import { loadTry, tryFor } from '../weather/try';

const USAGE =
  'usage: werkplan network design NET.geojson [--params P.json] [--buildings B.csv [--csv-crs 4326|25832|25833]] [--project P.json] [--lang de|en] --out DIR';

const ParamsSchema = NetworkSchema.properties.params;

/** Reads a parameter file (the fields of a project's network.params); located errors in English. */
async function readParams(
  file: string | undefined,
): Promise<{ params?: Partial<NetworkParams>; errors: string[] }> {
  if (file === undefined) return { params: {}, errors: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    return { errors: [`${file}: ${(e as Error).message}`] };
  }
  const errors = [...Value.Errors(ParamsSchema, doc)].map((e) => `${file}: ${e.path || '/'}: ${e.message}`);
  return errors.length ? { errors } : { params: doc as Partial<NetworkParams>, errors };
}

/** The buildings' hourly demand shape: the project's heat demand, else degree hours of the site's DWD TRY. */
async function demandShape(
  input: NetworkInput,
  projectFile: string | undefined,
  io: CliIo,
): Promise<{ shape?: Float64Array; basis: string } | null> {
  if (projectFile !== undefined) {
    const project = await loadProjectOrReport(projectFile, io);
    if (!project) return null;
    const spec = project.timeSeries[project.demands.heat];
    const values = spec && 'values' in spec ? spec.values : undefined;
    const hours = hoursInYear(project.site.year, project.site.timeZone);
    if (!values) return { basis: 'flat (the project heat demand has no values)' };
    return { shape: hourlyShape(values, hours), basis: `heat demand of ${path.basename(projectFile)}` };
  }
  const n = input.buildings.length;
  const mid = {
    x_m: input.buildings.reduce((s, b) => s + b.at.x_m, 0) / n,
    y_m: input.buildings.reduce((s, b) => s + b.at.y_m, 0) / n,
  };
  const [lon, lat] = toWgs84(input.epsg, mid);
  const choice = tryFor(lat, lon);
  const weather = await loadTry(choice.region.region, choice.year, nodeTryLoader);
  return {
    shape: degreeHourShape(weather.temperature_C),
    basis: `degree hours below 15 °C of ${weather.name} (${weather.attribution})`,
  };
}

/** `werkplan network design NET.geojson … --out DIR`: writes DIR/network.geojson and DIR/summary.json. */
export async function networkCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {
    params: 'value',
    buildings: 'value',
    'csv-crs': 'value',
    project: 'value',
    lang: 'value',
    out: 'value',
  });
  const [sub, file] = parsed.positional;
  const o = parsed.options;
  const out = stringOption(o, 'out');
  if (sub !== 'design' || !file || out === undefined) throw new Error(USAGE);
  const lang = optionIn(o.lang, ['de', 'en'] as const, 'lang', 'en');
  const read = readNetworkGeoJson(await readFile(file, 'utf8'));
  const problems = read.issues.filter((i) => i.severity === 'error');
  const csvFile = stringOption(o, 'buildings');
  if (read.input && csvFile !== undefined) {
    const crs = Number(optionIn(o['csv-crs'], ['4326', '25832', '25833'] as const, 'csv-crs', '25832'));
    const csv = readBuildingsCsv(await readFile(csvFile, 'utf8'), crs, read.input.epsg);
    problems.push(...csv.issues);
    read.input.buildings.push(...csv.buildings);
  }
  for (const i of problems) io.stderr(`${file}: ${networkIssueText(i, lang)}\n`);
  const { params, errors } = await readParams(stringOption(o, 'params'));
  for (const e of errors) io.stderr(`${e}\n`);
  if (!read.input || problems.length || !params) return 1;
  const shape = await demandShape(read.input, stringOption(o, 'project'), io);
  if (!shape) return 1;
  let design;
  try {
    design = designNetwork(read.input, networkParams(params), { demandShape: shape.shape });
  } catch (e) {
    if (!(e instanceof NetworkInputError)) throw e;
    for (const i of e.issues) io.stderr(`${networkIssueText(i, lang)}\n`);
    return 1;
  }
  for (const i of design.issues) io.stderr(`${networkIssueText(i, lang)}\n`);
  await mkdir(out, { recursive: true });
  await writeFile(
    path.join(out, 'network.geojson'),
    JSON.stringify(networkGeoJson(design, read.input.inputEpsg), null, 1) + '\n',
  );
  await writeFile(path.join(out, 'summary.json'), JSON.stringify(design.summary, null, 2) + '\n');
  const s = design.summary;
  io.stdout(
    `${s.buildings} buildings, trunk ${s.trunkLength_m.toFixed(0)} m, connections ${s.connectionLength_m.toFixed(0)} m, ` +
      `investment ${s.investment_EUR.toFixed(0)} EUR, heat ${s.heatDelivered_MWh_a.toFixed(1)} MWh/a, ` +
      `losses ${s.heatLoss_MWh_a.toFixed(1)} MWh/a (${(100 * s.heatLossShare).toFixed(1)} %), ` +
      `pumps ${s.pumpElectricity_MWh_a.toFixed(2)} MWh/a, plant peak ${s.plantPeak_kW.toFixed(0)} kW, ` +
      `${s.linearHeatDensity_MWh_m_a.toFixed(2)} MWh/(m·a); demand shape: ${shape.basis}; ${design.seconds.toFixed(2)} s\n` +
      `wrote ${path.join(out, 'network.geojson')} and ${path.join(out, 'summary.json')}\n`,
  );
  return s.buildings > 0 ? 0 : 1;
}
