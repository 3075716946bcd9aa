/**
 * The heat network section of the PDF report (issue #17): an intro, a map of the pipes drawn as
 * vector lines coloured and weighted by nominal size with a legend and a scale bar (fitted to the
 * page, aspect ratio kept, north up), the summary figures, the lengths and costs per DN, and the
 * monthly losses as a bar chart.
 */
import { CHART_HEIGHT, CHART_WIDTH, networkLossesOption, renderSvg } from './charts';
import { pdfText } from './format';
import type { ReportModel } from './model';
import {
  dnText,
  fitMap,
  networkDnTableOf,
  networkIntro,
  networkSectionNumber,
  networkSummaryTable,
  scaleBarLabel,
  scaleBarLength,
  type ReportNetwork,
} from './network';
import { BOLD, chart, ensureSpace, heading, MARGIN, para, REGULAR, table, WIDTH, type Doc } from './pdfDraw';
import { text, type ReportLanguage } from './texts';

/** Highest the map may be, in points (about half a page). */
const MAP_MAX_HEIGHT = 330;
const LEGEND_ROW = 12;
const LEGEND_ITEM = 62;
/** Room at the right of the legend's first row for the scale bar and its label. */
const SCALE_ROOM = 130;
const LEGEND_PER_ROW = Math.max(1, Math.floor((WIDTH - SCALE_ROOM) / LEGEND_ITEM));

/**
 * Scale bar below the map's frame at the right, beside the legend (never over the pipes): a round
 * length of at most 90 pt.
 */
function scaleBar(doc: Doc, lang: ReportLanguage, scale: number, top: number): void {
  const metres = scaleBarLength(90 / scale);
  const w = metres * scale;
  const left = MARGIN + WIDTH - 35 - w;
  const y = top + 8;
  doc.save().lineWidth(0.8).strokeColor('#333');
  doc
    .moveTo(left, y - 3)
    .lineTo(left, y)
    .lineTo(left + w, y)
    .lineTo(left + w, y - 3)
    .stroke();
  doc.restore();
  doc
    .font(REGULAR)
    .fontSize(7.5)
    .fillColor('#333')
    .text(pdfText(scaleBarLabel(lang, metres)), left + w + 4, y - 6, { lineBreak: false });
}

/** The legend below the map: one line sample per DN class in its colour and width, left to right. */
function legend(doc: Doc, n: ReportNetwork, top: number): number {
  const perRow = LEGEND_PER_ROW;
  n.map.groups.forEach((g, i) => {
    const x = MARGIN + (i % perRow) * LEGEND_ITEM;
    const y = top + Math.floor(i / perRow) * LEGEND_ROW + 5;
    doc.save().lineWidth(g.width).strokeColor(g.colour).lineCap('round');
    doc
      .moveTo(x + 2, y)
      .lineTo(x + 20, y)
      .stroke();
    doc.restore();
    doc
      .font(REGULAR)
      .fontSize(7.5)
      .fillColor('black')
      .text(dnText(g.dn), x + 25, y - 3.5, { lineBreak: false });
  });
  return top + Math.ceil(n.map.groups.length / perRow) * LEGEND_ROW;
}

/** Height of the map block: title, framed map (fitted, at most MAP_MAX_HEIGHT), legend, gap. */
function mapHeight(n: ReportNetwork): number {
  if (!n.map.box) return 30;
  const fit = fitMap(n.map.box, MARGIN, 0, WIDTH, MAP_MAX_HEIGHT);
  const legendH = Math.max(1, Math.ceil(n.map.groups.length / LEGEND_PER_ROW)) * LEGEND_ROW;
  return 16 + fit.height + 4 + legendH + 10;
}

/** Draws the map with its frame, title, legend and scale bar; moves `doc.y` below it. */
function map(doc: Doc, lang: ReportLanguage, n: ReportNetwork): void {
  const box = n.map.box;
  if (!box) {
    para(doc, text(lang, 'networkNoMap'));
    return;
  }
  ensureSpace(doc, mapHeight(n));
  doc
    .font(BOLD)
    .fontSize(10)
    .fillColor('black')
    .text(pdfText(text(lang, 'networkMap')), MARGIN, doc.y, {
      width: WIDTH,
    });
  doc.moveDown(0.2);
  const top = doc.y;
  const fit = fitMap(box, MARGIN, top, WIDTH, MAP_MAX_HEIGHT);
  doc.save().lineWidth(0.4).strokeColor('#b0b8c0').rect(MARGIN, top, WIDTH, fit.height).stroke().restore();
  for (const g of n.map.groups) {
    doc.save().lineWidth(g.width).strokeColor(g.colour).lineCap('round').lineJoin('round');
    for (const line of g.lines) {
      doc.moveTo(fit.x(line[0][0]), fit.y(line[0][1]));
      for (const [x, y] of line.slice(1)) doc.lineTo(fit.x(x), fit.y(y));
    }
    doc.stroke().restore();
  }
  scaleBar(doc, lang, fit.scale, top + fit.height + 4);
  const end = legend(doc, n, top + fit.height + 4);
  doc.x = MARGIN;
  doc.y = end + 10;
}

/** Draws the section; `ch` scales chart heights as the rest of the report does. */
export function networkSection(
  doc: Doc,
  m: ReportModel,
  lang: ReportLanguage,
  ch: (h: number) => number,
): void {
  const n = m.network;
  if (!n) return;
  // Heading, intro and the map start on the same page.
  ensureSpace(doc, 60 + 45 + mapHeight(n));
  heading(doc, text(lang, 'secNetwork', { n: String(networkSectionNumber(m)) }));
  para(doc, networkIntro(m, lang));
  map(doc, lang, n);
  table(doc, lang, networkSummaryTable(lang, n));
  table(doc, lang, networkDnTableOf(lang, n));
  const losses = networkLossesOption(m, lang);
  if (losses) chart(doc, renderSvg(losses, CHART_WIDTH, ch(CHART_HEIGHT)), ch(CHART_HEIGHT));
}

/** The method note of a network: routing, sizing, losses. */
export const networkMethodNote = (m: ReportModel, lang: ReportLanguage): string =>
  m.network ? text(lang, 'methodNetwork') : '';
