import PDFDocument from 'pdfkit';
import * as pdfkitModule from 'pdfkit';
import Helvetica from 'pdfkit/standard-fonts/Helvetica';
import HelveticaBold from 'pdfkit/standard-fonts/HelveticaBold';
import { weatherLines } from './weatherNote';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  costOption,
  loadDurationOption,
  renderSvg,
  sankeyOption,
  weekOption,
} from './charts';
import { fmt, pct, pdfText, reportDate } from './format';
import type { ReportModel } from './model';
import {
  BLUE,
  BOLD,
  BOTTOM,
  chart,
  ensureSpace,
  heading,
  MARGIN,
  para,
  REGULAR,
  table,
  WIDTH,
  type Doc,
} from './pdfDraw';
import { networkSectionNumber } from './network';
import { networkMethodNote, networkSection } from './pdfNetwork';
import { pathMethodNote, pathSection } from './pdfPath';
import { pathTextParams } from './transformation';
import {
  balancesTable,
  capacitiesTable,
  capacityComparisonTable,
  costsTable,
  demandTable,
  economicsTable,
  gridTable,
  kpiTable,
  scenarioLabel,
  scenariosTable,
  seriesTable,
  technologiesTable,
} from './tables';
import { methodName, solverName, statusName, text, type ReportLanguage } from './texts';
import { formatSolverMessage, type SolverMessage } from '../results/messages';
import { hoursInYear } from '../project/calendar';

// The browser build of pdfkit has no file system: its standard fonts are registered from the
// bundled font data (the Node build loads them from disk and has no registerStdFonts).
const register = (pdfkitModule as unknown as { registerStdFonts?: (...fonts: object[]) => void })
  .registerStdFonts;
register?.(Helvetica, HelveticaBold);

export { fitHeader } from './pdfDraw';

function cover(doc: Doc, m: ReportModel, lang: ReportLanguage): void {
  const p = m.project;
  doc.rect(0, 0, 595.28, 230).fill(BLUE);
  doc
    .fillColor('white')
    .font(BOLD)
    .fontSize(28)
    .text(pdfText(text(lang, 'reportTitle')), MARGIN, 90, { width: WIDTH });
  doc
    .font(REGULAR)
    .fontSize(14)
    .text(pdfText(text(lang, 'subtitle')), { width: WIDTH });
  doc.fillColor('black').font(BOLD).fontSize(20).text(pdfText(p.name), MARGIN, 280, { width: WIDTH });
  doc.moveDown(0.5).font(REGULAR).fontSize(11);
  if (p.description) doc.text(pdfText(p.description), { width: WIDTH }).moveDown(0.5);
  const date = reportDate(lang, m.generatedAt, p.site);
  // A path's top-level figures are those of its first period year: the cover says which.
  const first = m.path ? ` ${m.path.periods[0].year}` : '';
  const lines: [string, string][] = [
    [text(lang, 'site'), p.site.location ?? '–'],
    [text(lang, 'year'), String(p.site.year)],
    [text(lang, 'scenarios'), m.runs.map((r) => scenarioLabel(lang, r)).join(', ')],
    [
      `${text(lang, 'totalAnnualCost')}${first}`,
      `${fmt(lang, m.base.results.objective.totalAnnualCost_EUR, 0)} €/a`,
    ],
    [`${text(lang, 'emissions')}${first}`, `${fmt(lang, m.base.results.emissions_tCO2, 1)} t/a`],
    ...(m.path?.netPresentCost_EUR != null
      ? [
          [
            text(lang, 'coverNpc', pathTextParams(m, lang)),
            `${fmt(lang, m.path.netPresentCost_EUR, 0)} €`,
          ] as [string, string],
        ]
      : []),
    [text(lang, 'generated'), date],
  ];
  let y = doc.y + 10;
  for (const [k, v] of lines) {
    doc.font(BOLD).fontSize(11).text(pdfText(k), MARGIN, y, { width: 170 });
    // A label of two lines pushes the next line down as a value of two lines does.
    const labelBottom = doc.y;
    doc.font(REGULAR).text(pdfText(v), MARGIN + 175, y, { width: WIDTH - 175 });
    y = Math.max(doc.y, labelBottom, y + 16) + 4;
  }
  doc
    .font(REGULAR)
    .fontSize(9)
    .fillColor('#555')
    .text('Werkplan', MARGIN, BOTTOM - 10, { width: WIDTH });
  doc.fillColor('black');
}

/** A solver message with the technology named as the user named it (results may carry its id). */
function namedMessage(m: ReportModel, x: SolverMessage): SolverMessage {
  const tech = x.params.tech;
  if (typeof tech !== 'string' || !m.techs[tech]) return x;
  return { ...x, params: { ...x.params, tech: m.techs[tech].name } };
}

function whyText(m: ReportModel, lang: ReportLanguage): string {
  const r = m.base.results;
  let top = '';
  let best = 0;
  let heatTotal = 0;
  for (const [id, a] of Object.entries(r.annual)) {
    const h = a.heat_out_MWh ?? 0;
    heatTotal += h;
    if (h > best) {
      best = h;
      top = m.techs[id]?.name ?? id;
    }
  }
  return text(lang, 'whyText', {
    top: top || '–',
    share: pct(lang, heatTotal > 0 ? best / heatTotal : 0, 0),
  });
}

function methodNotes(doc: Doc, m: ReportModel, lang: ReportLanguage): void {
  // The notes as [bold?, text] lines: measured first, so that the short section starts on a new
  // page rather than leaving a few of its lines alone on the last one.
  const items: [boolean, string][] = [[false, text(lang, 'methodModel')], ...weatherLines(m.project, lang)];
  for (const run of m.runs) {
    const s = run.results.solve;
    items.push([true, `${scenarioLabel(lang, run)} (${statusName(lang, run.results.status)})`]);
    items.push([
      false,
      s.mode === 'aggregated' && s.sizing
        ? text(lang, 'methodAggregated', {
            days: s.sizing.segmentsPerPeriod
              ? text(lang, 'methodDaysSegments', {
                  periods: String(s.sizing.typicalPeriods),
                  segments: String(s.sizing.segmentsPerPeriod),
                })
              : text(lang, 'methodDays', { periods: String(s.sizing.typicalPeriods) }),
            gap: pct(lang, s.aggregationGap ?? null, 2),
            hours: fmt(lang, hoursInYear(m.project.site.year, m.project.site.timeZone), 0),
          })
        : text(lang, 'methodFull', { method: methodName(lang, s.method ?? 'direct') }),
    ]);
    if (s.timeStep_min === 15)
      items.push([
        false,
        text(lang, 'methodQuarterHours', {
          steps: fmt(lang, 4 * hoursInYear(m.project.site.year, m.project.site.timeZone), 0),
        }),
      ]);
    items.push([
      false,
      text(lang, 'methodSolver', {
        solver: solverName(s.solver),
        columns: fmt(lang, s.columns, 0),
        rows: fmt(lang, s.rows, 0),
        seconds: fmt(lang, s.seconds, 1),
        gap: s.gap === null ? '–' : pct(lang, s.gap, 2),
      }),
    ]);
    items.push([
      false,
      text(lang, 'methodBalance', {
        // Residuals are rounding noise (1e-12 kW): shown with 3 decimals, so tiny values read 0,000.
        residual: fmt(lang, run.results.balance.maxResidual_kW, 3),
        ok: text(lang, run.results.balance.ok ? 'balanceOk' : 'balanceNotOk'),
      }),
    ]);
  }
  if (m.path) items.push([false, pathMethodNote(m, lang)]);
  if (m.network) items.push([false, networkMethodNote(m, lang)]);
  items.push([false, text(lang, 'methodNote')]);
  const height = items.reduce((h, [bold, s]) => {
    doc.font(bold ? BOLD : REGULAR).fontSize(9.5);
    return h + doc.heightOfString(pdfText(s), { width: WIDTH }) + (bold ? 0 : doc.currentLineHeight() * 0.4);
  }, 45);
  if (height <= BOTTOM - MARGIN) ensureSpace(doc, height);
  heading(
    doc,
    m.network
      ? text(lang, 'secMethodNumbered', { n: String(networkSectionNumber(m) + 1) })
      : text(lang, m.path ? 'secMethodAfterPath' : 'secMethod'),
  );
  for (const [bold, s] of items)
    if (bold) doc.font(BOLD).fontSize(9.5).text(pdfText(s), MARGIN, doc.y, { width: WIDTH });
    else para(doc, s);
}

/**
 * The PDF report: cover; inputs and assumptions with their sources; demand; the optimal plant set
 * and why; charts (load duration, a winter and a summer week, Sankey, costs) as vector graphics;
 * scenario comparison; method notes. German or English.
 */
export async function writePdf(m: ReportModel, lang: ReportLanguage): Promise<Uint8Array> {
  let best = await render(m, lang, 1);
  // Reflow: when the last page holds only a few lines, draw the charts a little smaller so that
  // they move onto the page before (never a page with a footer and one short paragraph).
  for (const scale of [0.92, 0.84, 0.76]) {
    if (best.pages <= 2 || best.lastPageUsed > 0.3) break;
    const next = await render(m, lang, scale);
    if (next.pages < best.pages) best = next;
  }
  return best.bytes;
}

/** One layout of the report with the charts drawn at `scale` of their height. */
async function render(
  m: ReportModel,
  lang: ReportLanguage,
  scale: number,
): Promise<{ bytes: Uint8Array; pages: number; lastPageUsed: number }> {
  const ch = (h: number) => Math.round(h * scale);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    font: REGULAR,
    info: {
      Title: pdfText(`${text(lang, 'reportTitle')}: ${m.project.name}`),
      Creator: 'Werkplan',
      CreationDate: m.generatedAt,
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  cover(doc, m, lang);

  doc.addPage();
  heading(doc, text(lang, 'secInputs'));
  table(doc, lang, economicsTable(m, lang));
  table(doc, lang, gridTable(m, lang));
  // Sources are long: the PDF lists them below the table, grouped, instead of in a narrow column.
  const techs = technologiesTable(m, lang);
  const last = techs.columns.length - 1;
  table(
    doc,
    lang,
    { ...techs, columns: techs.columns.slice(0, last), rows: techs.rows.map((r) => r.slice(0, last)) },
    { size: 6.5 },
  );
  const bySource = new Map<string, string[]>();
  for (const r of techs.rows) {
    const src = String(r[last] ?? '') || '–';
    bySource.set(src, [...(bySource.get(src) ?? []), String(r[0])]);
  }
  for (const [src, ids] of bySource) para(doc, `${text(lang, 'source')} (${ids.join(', ')}): ${src}`, 8);
  doc.moveDown(0.5);
  table(doc, lang, seriesTable(m, lang));

  heading(doc, text(lang, 'secDemands'));
  table(doc, lang, demandTable(m, lang), { title: false });
  const ld = loadDurationOption(m, lang);
  if (ld) chart(doc, renderSvg(ld, CHART_WIDTH, ch(CHART_HEIGHT)), ch(CHART_HEIGHT));
  else para(doc, text(lang, 'noDemandSeries'));

  heading(doc, text(lang, 'secPlant'));
  const base = m.base;
  para(doc, whyText(m, lang));
  table(doc, lang, capacitiesTable(m, lang, base));
  table(doc, lang, costsTable(m, lang, [base]));
  table(doc, lang, kpiTable(m, lang, [base]));
  if (base.results.messages?.length || base.results.warnings.length) {
    doc
      .font(BOLD)
      .fontSize(10)
      .text(pdfText(text(lang, 'warnings')), MARGIN, doc.y, { width: WIDTH });
    const msgs = base.results.messages?.length
      ? base.results.messages.map((x) => formatSolverMessage(namedMessage(m, x), lang))
      : base.results.warnings;
    for (const w of msgs) para(doc, `• ${w}`, 8.5);
  }

  heading(doc, text(lang, 'secCharts'));
  if (m.weeks && base.dispatch) {
    const w = weekOption(m, lang, base, m.weeks.winter, 'winterWeek');
    if (w) chart(doc, renderSvg(w, CHART_WIDTH, ch(CHART_HEIGHT)), ch(CHART_HEIGHT));
    const s = weekOption(m, lang, base, m.weeks.summer, 'summerWeek');
    if (s) chart(doc, renderSvg(s, CHART_WIDTH, ch(CHART_HEIGHT)), ch(CHART_HEIGHT));
  } else para(doc, text(lang, 'noDispatch'));
  const sk = sankeyOption(m.project, base.results, lang, m.techs, base.dispatch);
  if (sk) chart(doc, renderSvg(sk, CHART_WIDTH, ch(280)), ch(280));
  chart(doc, renderSvg(costOption(m, lang), CHART_WIDTH, ch(CHART_HEIGHT)), ch(CHART_HEIGHT));
  table(doc, lang, balancesTable(m, lang));

  heading(doc, text(lang, 'secScenarios'));
  table(doc, lang, scenariosTable(m, lang));
  if (m.runs.length > 1) {
    para(doc, text(lang, 'comparisonNote'));
    table(doc, lang, kpiTable(m, lang));
    table(doc, lang, capacityComparisonTable(m, lang));
    table(doc, lang, costsTable(m, lang));
  } else para(doc, text(lang, 'noScenarios'));

  if (m.path) pathSection(doc, m, lang, ch);
  if (m.network) networkSection(doc, m, lang, ch);
  methodNotes(doc, m, lang);
  const lastPageUsed = (doc.y - MARGIN) / (BOTTOM - MARGIN);

  // Footer with page numbers on every page but the cover.
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(8).fillColor('#666');
    doc.text(pdfText(m.project.name), MARGIN, 841.89 - 28, {
      width: WIDTH / 2 - 10,
      height: 10,
      ellipsis: true,
    });
    doc.text(`${text(lang, 'page')} ${i + 1} / ${range.count}`, MARGIN + WIDTH / 2, 841.89 - 28, {
      width: WIDTH / 2,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  const length = chunks.reduce((a, c) => a + c.length, 0);
  const out = new Uint8Array(length);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return { bytes: out, pages: range.count, lastPageUsed };
}
