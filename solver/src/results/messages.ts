/**
 * Findings of a solver run (warnings, reasons for no solution) in German and English. Results keep
 * the English text in `warnings` (results.json contract) and the coded message beside it in
 * `messages`, so the planner and the reports show it in the user's language.
 */
export type MessageLanguage = 'de' | 'en';

type Params = Record<string, string | number>;
/** Formatters in the message's language: megawatts, plain numbers (no exponents), hour labels. */
interface Fmt {
  mw: (kW: number | string) => string;
  num: (v: number | string, digits?: number) => string;
  when: (label: number | string | undefined) => string;
}
type Text = (p: Params, mw: Fmt['mw'], f: Fmt) => string;

/** German noun with article, nominative ('die Wärme', 'der Strom'). */
const carrierDe = (c: string | number) => (c === 'heat' ? 'die Wärme' : 'der Strom');
/** German hour count: '1 Stunde', '4.690 Stunden' (thousands separator). */
const stundenDe = (n: string | number) =>
  Number(n) === 1 ? '1 Stunde' : `${messageNumber(n, 'de', 0)} Stunden`;
const carrierEn = (c: string | number) => (c === 'heat' ? 'heat' : 'electricity');

const TEXTS = {
  simultaneousStorage: {
    en: (p) =>
      `${p.tech} charges and discharges in the same hour in ${p.hours} hours (first ${p.first ?? `typical period ${p.period}, hour ${p.periodHour}`}): the ${carrierEn(p.carrier)} has nowhere else to go; consider allowing a heat dump or export.`,
    de: (p, _mw, f) =>
      `${p.tech} lädt und entlädt in ${stundenDe(p.hours)} gleichzeitig (erstmals ${p.first !== undefined ? f.when(p.first) : `Typperiode ${p.period}, Stunde ${p.periodHour}`}): ${carrierDe(p.carrier)} kann nirgends sonst hin; eine Notkühlung oder Einspeisung zulassen.`,
  },
  capacitiesRaised: {
    en: (p, _mw, f) =>
      `the capacities sized on ${p.periods} typical days could not serve the full year; the full-year check raised: ${raisedText(p, 'en', f)}`,
    de: (p, _mw, f) =>
      `die auf ${p.periods} Typtagen ausgelegten Leistungen reichten für das ganze Jahr nicht; die Ganzjahresprüfung hat erhöht: ${raisedText(p, 'de', f)}`,
  },
  typicalDaysInsufficient: {
    en: () => 'the capacities sized on typical days cannot serve the full year',
    de: () => 'die auf Typtagen ausgelegten Leistungen können das ganze Jahr nicht versorgen',
  },
  unbounded: {
    en: () =>
      'the model is unbounded: some technology earns money without limit; give it a maximum capacity or check negative prices',
    de: () =>
      'das Modell ist unbeschränkt: eine Technologie verdient unbegrenzt Geld; ihr eine Höchstleistung geben oder negative Preise prüfen',
  },
  unboundedTechnology: {
    en: (p, _mw, f) =>
      p.kind === 'feedIn'
        ? `${p.tech} is unbounded: the feed-in tariff of ${f.num(p.revenue_ct, 2)} ct/kWh exceeds its generation cost of ${f.num(p.cost_ct, 2)} ct/kWh; give it a maximum capacity`
        : p.kind === 'chp'
          ? `${p.tech} is unbounded: feed-in tariff and bonus of up to ${f.num(p.revenue_ct, 2)} ct/kWh exceed its fuel and operating cost of ${f.num(p.cost_ct, 2)} ct/kWh of electricity; give it a maximum capacity`
          : p.kind === 'storage'
            ? `${p.tech} is unbounded: it earns money from price differences without limit; give it a maximum capacity or check the prices`
            : `${p.tech} is unbounded: every additional unit of capacity lowers the annual cost; give it a maximum capacity or check the prices`,
    de: (p, _mw, f) =>
      p.kind === 'feedIn'
        ? `${p.tech} ist unbeschränkt: die Einspeisevergütung von ${f.num(p.revenue_ct, 2)} ct/kWh übersteigt die Stromgestehungskosten von ${f.num(p.cost_ct, 2)} ct/kWh; eine Höchstleistung angeben`
        : p.kind === 'chp'
          ? `${p.tech} ist unbeschränkt: Einspeisevergütung und Zuschlag von bis zu ${f.num(p.revenue_ct, 2)} ct/kWh übersteigen die Brennstoff- und Betriebskosten von ${f.num(p.cost_ct, 2)} ct/kWh Strom; eine Höchstleistung angeben`
          : p.kind === 'storage'
            ? `${p.tech} ist unbeschränkt: der Speicher verdient unbegrenzt an Preisunterschieden; eine Höchstleistung angeben oder die Preise prüfen`
            : `${p.tech} ist unbeschränkt: jede weitere Leistung senkt die Jahreskosten; eine Höchstleistung angeben oder die Preise prüfen`,
  },
  unboundedGrid: {
    en: (p, _mw, f) =>
      `grid import and export are unbounded: in ${p.hours} hours the feed-in tariff (up to ${f.num(p.export_ct, 2)} ct/kWh) is higher than the import price (from ${f.num(p.import_ct, 2)} ct/kWh); give an export or connection limit`,
    de: (p, _mw, f) =>
      `Netzbezug und Einspeisung sind unbeschränkt: in ${stundenDe(p.hours)} ist die Einspeisevergütung (bis ${f.num(p.export_ct, 2)} ct/kWh) höher als der Bezugspreis (ab ${f.num(p.import_ct, 2)} ct/kWh); eine Einspeise- oder Anschlussgrenze angeben`,
  },
  timeLimitNoSolution: {
    en: () => 'the time limit was reached before a feasible solution was found',
    de: () => 'das Zeitlimit wurde erreicht, bevor eine zulässige Lösung gefunden war',
  },
  cancelled: { en: () => 'the run was cancelled', de: () => 'die Berechnung wurde abgebrochen' },
  solverFailed: {
    en: (p) => `${p.reason || 'the solver failed'}`,
    de: (p) => `der Solver ist fehlgeschlagen${p.reason ? `: ${p.reason}` : ''}`,
  },
  notSolvableWithSlack: {
    en: (p) =>
      `the model could not be solved even with unmet demand allowed (${p.status}); check constraints such as the CO2 cap`,
    de: (p) =>
      `das Modell ist selbst mit zugelassener ungedeckter Nachfrage nicht lösbar (${p.status}); Nebenbedingungen wie die CO2-Obergrenze prüfen`,
  },
  unmetDemand: {
    en: (p, mw) =>
      `${carrierEn(p.carrier)} demand cannot be met in ${p.hours} hours (first ${p.first}): up to ${mw(p.worst_kW)} are missing with the allowed capacities and constraints`,
    de: (p, mw, f) =>
      `der ${p.carrier === 'heat' ? 'Wärme' : 'Strom'}bedarf ist in ${stundenDe(p.hours)} nicht zu decken (erstmals ${f.when(p.first)}): bis zu ${mw(p.worst_kW)} fehlen mit den zugelassenen Leistungen und Nebenbedingungen`,
  },
  surplus: {
    en: (p, mw) =>
      `surplus ${carrierEn(p.carrier)} has nowhere to go in ${p.hours} hours (first ${p.first}): up to ${mw(p.worst_kW)}; allow a heat dump, grid export or curtailment`,
    de: (p, mw, f) =>
      `${p.carrier === 'heat' ? 'überschüssige Wärme' : 'überschüssiger Strom'} kann in ${stundenDe(p.hours)} nirgends hin (erstmals ${f.when(p.first)}): bis zu ${mw(p.worst_kW)}; Notkühlung, Einspeisung oder Abregelung zulassen`,
  },
  co2Cap: {
    en: (p, _mw, f) => `the CO2 cap of ${f.num(p.cap_t, 4)} t/a cannot be kept with the allowed plants`,
    de: (p, _mw, f) =>
      `die CO2-Obergrenze von ${f.num(p.cap_t, 4)} t/a ist mit den zugelassenen Anlagen nicht einzuhalten`,
  },
  co2CapMinimum: {
    en: (p, _mw, f) =>
      `the CO2 cap of ${f.num(p.cap_t, 4)} t/a cannot be kept: the allowed plants emit at least ${f.num(p.min_t, 4)} t/a while meeting the demand`,
    de: (p, _mw, f) =>
      `die CO2-Obergrenze von ${f.num(p.cap_t, 4)} t/a ist nicht einzuhalten: die zugelassenen Anlagen emittieren bei gedecktem Bedarf mindestens ${f.num(p.min_t, 4)} t/a`,
  },
  renewableShare: {
    en: (p) => `a renewable heat share of ${p.percent} % cannot be reached with the allowed plants`,
    de: (p) =>
      `ein erneuerbarer Wärmeanteil von ${p.percent} % ist mit den zugelassenen Anlagen nicht erreichbar`,
  },
  gridImportLimit: {
    en: (p, _mw, f) => `the grid import limit of ${f.num(p.limit_kWh, 0)} kWh/a cannot be kept`,
    de: (p, _mw, f) => `die Grenze des Netzbezugs von ${f.num(p.limit_kWh, 0)} kWh/a ist nicht einzuhalten`,
  },
  infeasibleUnexplained: {
    en: () =>
      'the model is infeasible, but no single demand or constraint explains it; export the LP (werkplan export-lp) for a closer look',
    de: () =>
      'das Modell ist unlösbar, aber kein einzelner Bedarf und keine einzelne Nebenbedingung erklärt es; das LP exportieren (werkplan export-lp) und genauer ansehen',
  },
  heatPeakUncovered: {
    en: (p, mw) =>
      `heat demand cannot be met in ${p.hours} hours (first ${p.first}): the largest allowed heat capacity is ${mw(p.capacity_kW)}, the peak demand ${mw(p.peak_kW)}`,
    de: (p, mw, f) =>
      `der Wärmebedarf ist in ${stundenDe(p.hours)} nicht zu decken (erstmals ${f.when(p.first)}): die größte zugelassene Wärmeleistung ist ${mw(p.capacity_kW)}, die Spitzenlast ${mw(p.peak_kW)}`,
  },
} satisfies Record<string, Record<MessageLanguage, Text>>;

export type SolverMessageCode = keyof typeof TEXTS;
export const SOLVER_MESSAGE_CODES = Object.keys(TEXTS) as SolverMessageCode[];

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

function raisedText(p: Params, language: MessageLanguage, f: Fmt): string {
  if (typeof p.items !== 'string') return String(p.raised ?? '');
  const items = JSON.parse(p.items) as RaisedCapacity[];
  const unit = (u: string) => (u === 'm2' ? 'm²' : u);
  return items
    .map(
      (r) =>
        `${r.tech}${r.what === 'power' ? (language === 'de' ? ' Leistung' : ' power') : ''} ${f.num(r.before)} → ${f.num(r.after)} ${unit(r.unit)}`,
    )
    .join(', ');
}

/** The message in one language (English is what results.json and the CLI carry). */
export function formatSolverMessage(m: SolverMessage, language: MessageLanguage = 'en'): string {
  const num = (v: number | string, digits = 1) => messageNumber(v, language, digits);
  const mw = (kW: number | string) => `${messageNumber(Number(kW) / 1000, language, 2)} MW`;
  const when = (label: number | string | undefined) => messageTime(label, language);
  return TEXTS[m.code][language](m.params, mw, { mw, num, when });
}
