/**
 * Drawing helpers of the PDF report (pdfkit): page geometry, headings, paragraphs, tables with
 * wrapped and hyphenated headers, and echarts SVG charts drawn as vectors.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import { CHART_HEIGHT, CHART_WIDTH } from './charts';
import { fmt, pct, pdfText } from './format';
import { header, type Cell, type Column, type Table } from './tables';
import type { ReportLanguage } from './texts';

export const MARGIN = 40;
export const WIDTH = 595.28 - 2 * MARGIN;
export const BOTTOM = 841.89 - MARGIN - 20;
export const REGULAR = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const BLUE = '#1f4e79';

export type Doc = PDFKit.PDFDocument;

export function ensureSpace(doc: Doc, h: number): void {
  if (doc.y + h > BOTTOM) doc.addPage();
}

export function heading(doc: Doc, s: string, size = 15): void {
  ensureSpace(doc, size * 4);
  doc
    .moveDown(0.6)
    .font(BOLD)
    .fontSize(size)
    .fillColor(BLUE)
    .text(pdfText(s), MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.3).fillColor('black');
}

export function para(doc: Doc, s: string, size = 9.5): void {
  ensureSpace(doc, size * 3);
  doc
    .font(REGULAR)
    .fontSize(size)
    .fillColor('black')
    .text(pdfText(s), MARGIN, doc.y, { width: WIDTH, align: 'left' });
  doc.moveDown(0.4);
}

function cellText(lang: ReportLanguage, c: Column, v: Cell, row: number): string {
  if (v === null || v === '') return c.kind === 'text' ? '' : '–';
  if (typeof v === 'string') return pdfText(v);
  if (c.kind === 'year') return String(v);
  const digits = c.rowDigits?.[row] ?? c.digits ?? 1;
  if (c.kind === 'percent') return pct(lang, v, digits);
  const unit = c.rowUnits?.[row];
  return `${fmt(lang, v, digits)}${unit ? ` ${pdfText(unit)}` : ''}`;
}

const SHY = '\u00AD';
/**
 * Where long words of the column headers may break (soft hyphens): a narrow column shows
 * "Speicher-/kapazität", never "Speicherkapa/zität". Compounds not listed here break only at spaces
 * and hyphens.
 */
const BREAKS = [
  'Speicher|kapazität',
  'Voll|last|stunden',
  'Nutzungs|dauer',
  'Betriebs|kosten',
  'Jahres|energie',
  'Jahres|kosten',
  'Jahres|summe',
  'Benutzungs|stunden',
  'Emissions|faktor',
  'Förder|quote',
  'Wärme|gestehungs|kosten',
  'Betrachtungs|zeitraums',
  'Gesamt|jahres|kosten',
  'Spitzen|last',
  'Mindest|leistung',
  'Höchst|leistung',
  'Mindest|größe',
  'Höchst|größe',
  'Investi|tion',
  'Bezeich|nung',
  'Techno|logie',
  'Erzeu|gung',
  'Mittel|wert',
  'erneuer|bar',
  'Änderungen',
  'Kosten|art',
  'Utilisa|tion',
  'Elec|tricity',
];
const HYPHENATE = BREAKS.map((b) => [b.replace(/\|/g, ''), b.replace(/\|/g, SHY)] as const);
function hyphenate(s: string): string {
  let out = s;
  for (const [word, soft] of HYPHENATE) out = out.split(word).join(soft);
  return out;
}

/**
 * A header for a column `width` wide: a word too long for it is broken at its syllable marks with
 * a visible hyphen and a line break ("Speicher-" / "kapazität"); every other soft hyphen is dropped
 * (pdfkit would draw it). Words without marks are left to pdfkit's wrapping.
 */
export function fitHeader(measure: (s: string) => number, s: string, width: number): string {
  return hyphenate(s)
    .split(' ')
    .map((word) => {
      const plain = word.split(SHY).join('');
      if (!word.includes(SHY) || measure(plain) <= width) return plain;
      const parts = word.split(SHY);
      const lines: string[] = [];
      let line = parts[0];
      for (const part of parts.slice(1)) {
        if (measure(`${line}${part}-`) <= width) line += part;
        else {
          lines.push(`${line}-`);
          line = part;
        }
      }
      return [...lines, line].join('\n');
    })
    .join(' ');
}

/** Draws a table with wrapped header and cells; numbers right-aligned; the header repeats after a page break. */
export function table(
  doc: Doc,
  lang: ReportLanguage,
  t: Table,
  opts: { title?: boolean; size?: number } = {},
): void {
  const size = opts.size ?? 8;
  const weights = t.columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * WIDTH);
  const pad = 2.5;
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return (
      Math.max(...cells.map((s, i) => doc.heightOfString(s || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad
    );
  };
  const drawRow = (cells: string[], font: string, fill: string | null) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    if (fill) doc.rect(MARGIN, y, WIDTH, h).fill(fill);
    doc.fillColor('black').font(font).fontSize(size);
    let x = MARGIN;
    cells.forEach((s, i) => {
      const right = t.columns[i].kind !== 'text';
      doc.text(s, x + pad, y + pad, { width: widths[i] - 2 * pad, align: right ? 'right' : 'left' });
      x += widths[i];
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + WIDTH, y + h)
      .lineWidth(0.4)
      .strokeColor('#b0b8c0')
      .stroke();
    doc.x = MARGIN;
    doc.y = y + h;
  };
  doc.font(BOLD).fontSize(size);
  const head = t.columns.map((c, i) =>
    fitHeader((x) => doc.widthOfString(x), pdfText(header(c)), widths[i] - 2 * pad),
  );
  const headH = rowHeight(head, BOLD);
  // A short table that fits on a page is kept on one page (no two rows left behind on the last).
  if (t.rows.length <= 16) {
    const rowsH = t.rows.reduce(
      (h, r, i) =>
        h +
        rowHeight(
          r.map((v, j) => cellText(lang, t.columns[j], v, i)),
          REGULAR,
        ),
      0,
    );
    const whole = (opts.title !== false ? 16 : 0) + headH + rowsH;
    if (whole <= BOTTOM - MARGIN - 40) ensureSpace(doc, whole);
  }
  if (opts.title !== false) {
    ensureSpace(doc, 14 + headH + 3 * size);
    doc.font(BOLD).fontSize(10).fillColor('black').text(pdfText(t.title), MARGIN, doc.y, { width: WIDTH });
    doc.moveDown(0.2);
  } else ensureSpace(doc, headH + 3 * size);
  drawRow(head, BOLD, '#e8eef4');
  t.rows.forEach((r, i) => {
    const cells = r.map((v, j) => cellText(lang, t.columns[j], v, i));
    const h = rowHeight(cells, REGULAR);
    if (doc.y + h > BOTTOM) {
      doc.addPage();
      drawRow(head, BOLD, '#e8eef4');
    }
    drawRow(cells, REGULAR, i % 2 ? '#f6f8fa' : null);
  });
  doc.moveDown(0.8);
}

export function chart(doc: Doc, svg: string, height = CHART_HEIGHT): void {
  ensureSpace(doc, height + 10);
  const y = doc.y;
  SVGtoPDF(doc, svg, MARGIN, y, {
    width: CHART_WIDTH,
    height,
    assumePt: true,
    fontCallback: (_family, bold) => (bold ? BOLD : REGULAR),
  });
  doc.x = MARGIN;
  doc.y = y + height + 10;
}
