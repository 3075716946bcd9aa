/**
 * Reports of a solved project: one report model from the project and the results of each
 * scenario, written as PDF, Excel workbook or CSV. Pure TypeScript: runs in the CLI and in the
 * planner (worker) alike. Documented in docs/reports.md.
 */
import { dispatchCsv } from '../results/views/csv';
import { summaryCsv, type CsvStyle, type CsvTable } from './csv';
import { buildReportModel, ReportInputError, type ReportInput } from './model';
import type { ReportLanguage } from './texts';

export type ReportFormat = 'pdf' | 'xlsx' | 'csv';

export interface ReportOptions {
  format: ReportFormat;
  lang?: ReportLanguage;
  /** CSV only: German (`;`, decimal comma) or international (`,`, point). */
  csvStyle?: CsvStyle;
  /** CSV only: the summary tables (default) or the hourly dispatch of `csvScenario` (default: base). */
  csvTable?: CsvTable;
  csvScenario?: string;
}

/** Builds the report model and writes it in the chosen format. */
export async function writeReport(input: ReportInput, opts: ReportOptions): Promise<Uint8Array> {
  const lang = opts.lang ?? 'de';
  const model = buildReportModel(input);
  if (opts.format === 'pdf') return (await import('./pdf')).writePdf(model, lang);
  if (opts.format === 'xlsx') return (await import('./xlsx')).writeXlsx(model, lang);
  if (opts.format !== 'csv') throw new ReportInputError(`unknown report format '${String(opts.format)}'`);
  const style = opts.csvStyle ?? (lang === 'de' ? 'de' : 'intl');
  let csv: string;
  if ((opts.csvTable ?? 'summary') === 'summary') csv = summaryCsv(model, lang, style);
  else {
    const id = opts.csvScenario ?? model.base.scenarioId;
    const run = model.runs.find((r) => r.scenarioId === id);
    if (!run) throw new ReportInputError(`no result for scenario '${id}' in the report`);
    if (!run.dispatch) throw new ReportInputError(`the result of scenario '${id}' has no hourly dispatch`);
    csv = dispatchCsv(run.dispatch, style);
  }
  return new TextEncoder().encode(csv);
}

export { buildReportModel, ReportInputError };
export type { ReportInput, ReportRun, ReportModel } from './model';
export type { CsvStyle, CsvTable } from './csv';
export type { ReportLanguage } from './texts';
