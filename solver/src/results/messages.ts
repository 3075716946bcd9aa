/**
 * Findings of a solver run (warnings, reasons for no solution) in German and English. Results keep
 * the English text in `warnings` (results.json contract) and the coded message beside it in
 * `messages`, so the planner and the reports show it in the user's language.
 */
export type MessageLanguage = 'de' | 'en';

type Params = Record<string, string | number>;
type Text = (p: Params, mw: (kW: number | string) => string) => string;

/** German noun with article, nominative ('die Wärme', 'der Strom'). */
const carrierDe = (c: string | number) => (c === 'heat' ? 'die Wärme' : 'der Strom');
const carrierEn = (c: string | number) => (c === 'heat' ? 'heat' : 'electricity');

const TEXTS = {
  simultaneousStorage: {
    en: (p) =>
      `${p.tech} charges and discharges in the same hour in ${p.hours} hours (first ${p.first ?? `typical period ${p.period}, hour ${p.periodHour}`}): the ${carrierEn(p.carrier)} has nowhere else to go; consider allowing a heat dump or export.`,
    de: (p) =>
      `${p.tech} lädt und entlädt in ${p.hours} Stunden gleichzeitig (erstmals ${p.first ?? `Typperiode ${p.period}, Stunde ${p.periodHour}`}): ${carrierDe(p.carrier)} kann nirgends sonst hin; eine Notkühlung oder Einspeisung zulassen.`,
  },
  capacitiesRaised: {
    en: (p) =>
      `the capacities sized on ${p.periods} typical days could not serve the full year; the full-year check raised: ${p.raised}`,
    de: (p) =>
      `die auf ${p.periods} Typtagen ausgelegten Leistungen reichten für das ganze Jahr nicht; die Ganzjahresprüfung hat erhöht: ${p.raised}`,
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
    de: (p, mw) =>
      `der ${p.carrier === 'heat' ? 'Wärme' : 'Strom'}bedarf ist in ${p.hours} Stunden nicht zu decken (erstmals ${p.first}): bis zu ${mw(p.worst_kW)} fehlen mit den zugelassenen Leistungen und Nebenbedingungen`,
  },
  surplus: {
    en: (p, mw) =>
      `surplus ${carrierEn(p.carrier)} has nowhere to go in ${p.hours} hours (first ${p.first}): up to ${mw(p.worst_kW)}; allow a heat dump, grid export or curtailment`,
    de: (p, mw) =>
      `${p.carrier === 'heat' ? 'überschüssige Wärme' : 'überschüssiger Strom'} kann in ${p.hours} Stunden nirgends hin (erstmals ${p.first}): bis zu ${mw(p.worst_kW)}; Notkühlung, Einspeisung oder Abregelung zulassen`,
  },
  co2Cap: {
    en: (p) => `the CO2 cap of ${p.cap_t} t/a cannot be kept with the allowed plants`,
    de: (p) => `die CO2-Obergrenze von ${p.cap_t} t/a ist mit den zugelassenen Anlagen nicht einzuhalten`,
  },
  co2CapMinimum: {
    en: (p) =>
      `the CO2 cap of ${p.cap_t} t/a cannot be kept: the allowed plants emit at least ${p.min_t} t/a while meeting the demand`,
    de: (p) =>
      `die CO2-Obergrenze von ${String(p.cap_t).replace('.', ',')} t/a ist nicht einzuhalten: die zugelassenen Anlagen emittieren bei gedecktem Bedarf mindestens ${String(p.min_t).replace('.', ',')} t/a`,
  },
  renewableShare: {
    en: (p) => `a renewable heat share of ${p.percent} % cannot be reached with the allowed plants`,
    de: (p) =>
      `ein erneuerbarer Wärmeanteil von ${p.percent} % ist mit den zugelassenen Anlagen nicht erreichbar`,
  },
  gridImportLimit: {
    en: (p) => `the grid import limit of ${p.limit_kWh} kWh/a cannot be kept`,
    de: (p) => `die Grenze des Netzbezugs von ${p.limit_kWh} kWh/a ist nicht einzuhalten`,
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
    de: (p, mw) =>
      `der Wärmebedarf ist in ${p.hours} Stunden nicht zu decken (erstmals ${p.first}): die größte zugelassene Wärmeleistung ist ${mw(p.capacity_kW)}, die Spitzenlast ${mw(p.peak_kW)}`,
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

/** The message in one language (English is what results.json and the CLI carry). */
export function formatSolverMessage(m: SolverMessage, language: MessageLanguage = 'en'): string {
  const mw = (kW: number | string) =>
    `${(Number(kW) / 1000).toLocaleString(LOCALE[language], { maximumFractionDigits: 2 })} MW`;
  return (TEXTS[m.code][language] as Text)(m.params, mw);
}
