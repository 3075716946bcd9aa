/**
 * Findings of a solver run (warnings, reasons for no solution) in German and English. Results keep
 * the English text in `warnings` (results.json contract) and the coded message beside it in
 * `messages`, so the planner and the reports show it in the user's language.
 */
import { t } from '../i18n';
import { networkIssueText } from '../network/messages';
import type { NetworkIssue } from '../network/types';

export type MessageLanguage = 'de' | 'en';

type Params = Record<string, string | number>;

/** The message codes; their texts are the i18next namespace `findings` (solver/src/i18n). */
const CODES = [
  'simultaneousStorage',
  'capacitiesRaised',
  'typicalDaysInsufficient',
  'milpDispatchFailed',
  'unbounded',
  'unboundedTechnology',
  'unboundedGrid',
  'timeLimitNoSolution',
  'cancelled',
  'solverFailed',
  'notSolvableWithSlack',
  'unmetDemand',
  'surplus',
  'co2Cap',
  'co2CapMinimum',
  'renewableShare',
  'gridImportLimit',
  'infeasibleUnexplained',
  'heatPeakUncovered',
  'pathPeriodInfeasible',
  'pathInfeasible',
  'pathCapacitiesRaised',
  'networkIssue',
  'decompositionGap',
  'decompositionFallback',
  'sizingOnly',
] as const;

export type SolverMessageCode = (typeof CODES)[number];
export const SOLVER_MESSAGE_CODES: SolverMessageCode[] = [...CODES];

export interface SolverMessage {
  code: SolverMessageCode;
  params: Params;
}

export const solverMessage = (code: SolverMessageCode, params: Params = {}): SolverMessage => ({
  code,
  params,
});

const LOCALE: Record<MessageLanguage, string> = { de: 'de-DE', en: 'en-GB' };

/**
 * A number for a message: at most `digits` decimals, never in exponent notation, values that round
 * to zero shown as 0 (no "-0", no "5.7e-14"). German with decimal comma and thousands separator;
 * English without grouping, as results.json's `warnings` have always been written.
 */
export function messageNumber(v: number | string, language: MessageLanguage, digits = 1): string {
  const x = Number(v);
  if (!Number.isFinite(x)) return String(v);
  const r = Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x;
  return r.toLocaleString(LOCALE[language], {
    maximumFractionDigits: digits,
    useGrouping: language === 'de',
  });
}

/**
 * An hour label of the solver ('YYYY-MM-DD HH:00', local standard time; see project/calendar.ts) in
 * the message's language: German '12.01.2023, 07:00 Uhr'; English keeps the label. An ISO UTC stamp
 * ('…T…Z') is shown in local time.
 */
export function messageTime(label: number | string | undefined, language: MessageLanguage): string {
  if (label === undefined) return '';
  const s = String(label);
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z)?$/.exec(s);
  if (!m) return s;
  if (m[6]) {
    const d = new Date(s);
    return d.toLocaleString(LOCALE[language], {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
  }
  return language === 'de'
    ? `${m[3]}.${m[2]}.${m[1]}, ${m[4]}:${m[5]} Uhr`
    : `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}`;
}

/** One capacity the full-year check raised (stored JSON-encoded in the message's `items`). */
export interface RaisedCapacity {
  tech: string;
  unit: string;
  before: number;
  after: number;
  /** 'power' for a storage's power rating raised beside its energy. */
  what?: 'power';
}

/** Digits of the numeric parameters written as plain numbers. */
const NUMBER_DIGITS: Readonly<Record<string, number>> = {
  revenue_ct: 2,
  cost_ct: 2,
  export_ct: 2,
  import_ct: 2,
  cap_t: 4,
  min_t: 4,
  limit_kWh: 0,
  gap_pct: 4,
  lower_EUR: 0,
};
/** Parameters in kilowatts, shown in megawatts. */
const KW_PARAMS = ['worst_kW', 'capacity_kW', 'peak_kW'];

function raisedText(p: Params, language: MessageLanguage): string {
  if (typeof p.items !== 'string') return String(p.raised ?? '');
  const items = JSON.parse(p.items) as RaisedCapacity[];
  const unit = (u: string) => (u === 'm2' ? 'm²' : u);
  const num = (v: number) => messageNumber(v, language);
  return items
    .map(
      (r) =>
        `${r.tech}${r.what === 'power' ? t(language, 'findings', 'power') : ''} ${num(r.before)} → ${num(r.after)} ${unit(r.unit)}`,
    )
    .join(', ');
}

/** The i18next context of a message: its variant (carrier, kind of technology, with a reason). */
function context(m: SolverMessage): string | undefined {
  const p = m.params;
  switch (m.code) {
    case 'unboundedTechnology':
      return typeof p.kind === 'string' ? p.kind : undefined;
    case 'solverFailed':
      return p.reason ? 'reason' : undefined;
    case 'decompositionGap':
      return p.gap_pct === undefined ? 'noBound' : undefined;
    case 'unmetDemand':
    case 'surplus':
      return p.carrier === 'heat' ? 'heat' : undefined;
    default:
      return undefined;
  }
}

/**
 * The message in one language (English is what results.json and the CLI carry). Numbers,
 * megawatts, hour counts and hour labels are written here, in the language's format, and then
 * filled into the text.
 */
export function formatSolverMessage(m: SolverMessage, language: MessageLanguage = 'en'): string {
  const p = m.params;
  // A heat network input issue carries its own located message (solver/src/i18n/networkInput.*.json).
  if (m.code === 'networkIssue')
    return networkIssueText(JSON.parse(String(p.issue)) as NetworkIssue, language);
  const q: Record<string, string | number> = { ...p };
  for (const [k, digits] of Object.entries(NUMBER_DIGITS)) {
    if (p[k] !== undefined) q[k] = messageNumber(p[k], language, digits);
  }
  for (const k of KW_PARAMS) {
    if (p[k] !== undefined) q[k] = `${messageNumber(Number(p[k]) / 1000, language, 2)} MW`;
  }
  if (p.hours !== undefined) {
    // German groups thousands ('4.690 Stunden'); English has always shown the raw count.
    const n = language === 'de' ? messageNumber(p.hours, language, 0) : String(p.hours);
    q.hoursText = t(language, 'findings', 'hours', { n }, { count: Number(p.hours) });
  }
  q.firstText =
    p.first === undefined
      ? t(language, 'findings', 'typicalPeriod', p)
      : language === 'de'
        ? messageTime(p.first, language)
        : String(p.first);
  q.carrierText = t(
    language,
    'findings',
    'carrier',
    {},
    { context: p.carrier === 'heat' ? 'heat' : undefined },
  );
  if (m.code === 'capacitiesRaised' || m.code === 'pathCapacitiesRaised')
    q.raisedText = raisedText(p, language);
  return t(language, 'findings', m.code, q, { context: context(m) });
}
