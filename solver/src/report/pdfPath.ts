/**
 * The Transformationsplan section of the PDF report (a transformation path): the path's inputs and
 * net present cost, current state, milestones and target picture, measures, CO2, the renewable and
 * waste heat share against the targets, costs per period year and a capacity chart.
 */
import { CHART_HEIGHT, CHART_WIDTH, pathCapacityOption, renderSvg } from './charts';
import type { ReportModel } from './model';
import { chart, ensureSpace, heading, para, table, type Doc } from './pdfDraw';
import { text, type ReportLanguage } from './texts';
import {
  pathCostsTable,
  pathEmissionsTable,
  pathInputsTable,
  pathIntro,
  pathMeasuresTable,
  pathMilestonesTable,
  pathNpcTable,
  pathSharesTable,
  pathSourcesTable,
  pathTextParams,
} from './transformation';
import { pathCompareTables } from './transformationCompare';

/** Draws the section; `ch` scales chart heights as the rest of the report does. */
export function pathSection(doc: Doc, m: ReportModel, lang: ReportLanguage, ch: (h: number) => number): void {
  const p = m.path;
  if (!p) return;
  const milestones = pathMilestonesTable(m, lang, p);
  // Heading, intro and the milestones (a short table keeps to one page) start on the same page.
  ensureSpace(doc, 130 + 13 * Math.min(milestones.rows.length + 1, 17));
  heading(doc, text(lang, 'secPath'));
  para(doc, pathIntro(m, lang));
  table(doc, lang, milestones, { size: 7.5 });
  const option = pathCapacityOption(m, lang);
  if (option) chart(doc, renderSvg(option, CHART_WIDTH, ch(CHART_HEIGHT)), ch(CHART_HEIGHT));
  const measures = pathMeasuresTable(m, lang, p);
  if (measures.rows.length) table(doc, lang, measures);
  else para(doc, text(lang, 'noMeasures'));
  table(doc, lang, pathEmissionsTable(m, lang, p));
  table(doc, lang, pathSharesTable(m, lang, p));
  table(doc, lang, pathCostsTable(m, lang, p), { size: 7 });
  para(doc, text(lang, 'pathCostNote', { baseYear: pathTextParams(m, lang).baseYear }), 8);
  table(doc, lang, pathNpcTable(m, lang, p));
  for (const t of pathCompareTables(m, lang)) table(doc, lang, t);
  table(doc, lang, pathInputsTable(m, lang, p));
  const sources = pathSourcesTable(m, lang);
  if (sources) table(doc, lang, sources);
}

/** The method note of a path: period years, one model over all of them, discounting. */
export const pathMethodNote = (m: ReportModel, lang: ReportLanguage): string =>
  text(lang, 'methodPath', pathTextParams(m, lang));
