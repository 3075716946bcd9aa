/**
 * Texts of the reports in German and English. The report module keeps its own texts (it runs in
 * the CLI as well as in the planner); the renderer's i18n covers only the Reports page itself.
 */

import { costCategoryName } from '../results/views/costs';

export type ReportLanguage = 'de' | 'en';

const T = {
  reportTitle: { de: 'Energiekonzept', en: 'Energy concept' },
  subtitle: {
    de: 'Auslegung und Betrieb der Erzeugungsanlagen',
    en: 'Sizing and operation of the supply plants',
  },
  generated: { de: 'Erstellt am', en: 'Generated on' },
  site: { de: 'Standort', en: 'Site' },
  year: { de: 'Wetter- und Lastjahr', en: 'Weather and load year' },
  scenarios: { de: 'Szenarien', en: 'Scenarios' },
  base: { de: 'Basis', en: 'Base' },
  contents: { de: 'Inhalt', en: 'Contents' },
  page: { de: 'Seite', en: 'Page' },
  // sections
  secInputs: { de: '1 Eingaben und Annahmen', en: '1 Inputs and assumptions' },
  secDemands: { de: '2 Bedarf', en: '2 Demand' },
  secPlant: { de: '3 Optimale Anlagenkombination', en: '3 Optimal plant set' },
  secCharts: { de: '4 Betrieb und Energieflüsse', en: '4 Operation and energy flows' },
  secScenarios: { de: '5 Szenarienvergleich', en: '5 Scenario comparison' },
  secMethod: { de: '6 Methode', en: '6 Method' },
  economics: { de: 'Wirtschaftliche Annahmen', en: 'Economic assumptions' },
  interestRate: { de: 'Kalkulationszins', en: 'Interest rate' },
  co2Price: { de: 'CO2-Preis', en: 'CO2 price' },
  fuels: { de: 'Brennstoffe', en: 'Fuels' },
  gridTariff: { de: 'Netzbezug und Einspeisung', en: 'Grid import and export' },
  technologies: { de: 'Technologien', en: 'Technologies' },
  timeSeries: { de: 'Zeitreihen', en: 'Time series' },
  constraints: { de: 'Randbedingungen', en: 'Constraints' },
  // columns
  parameter: { de: 'Größe', en: 'Quantity' },
  value: { de: 'Wert', en: 'Value' },
  unit: { de: 'Einheit', en: 'Unit' },
  source: { de: 'Quelle', en: 'Source' },
  id: { de: 'Kennung', en: 'Id' },
  name: { de: 'Bezeichnung', en: 'Name' },
  type: { de: 'Typ', en: 'Type' },
  scenario: { de: 'Szenario', en: 'Scenario' },
  technology: { de: 'Technologie', en: 'Technology' },
  flow: { de: 'Fluss', en: 'Flow' },
  category: { de: 'Kostenart', en: 'Cost category' },
  fuel: { de: 'Brennstoff', en: 'Fuel' },
  price: { de: 'Preis', en: 'Price' },
  emissionFactor: { de: 'Emissionsfaktor', en: 'Emission factor' },
  renewable: { de: 'erneuerbar', en: 'renewable' },
  yes: { de: 'ja', en: 'yes' },
  no: { de: 'nein', en: 'no' },
  capex: { de: 'Investition', en: 'Investment' },
  lifetime: { de: 'Nutzungsdauer', en: 'Lifetime' },
  fixedOm: { de: 'Fixe Betriebskosten', en: 'Fixed O&M' },
  subsidyShare: { de: 'Förderquote', en: 'Subsidy share' },
  minMax: { de: 'Min–Max', en: 'Min–max' },
  perUnit: { de: 'je Einheit', en: 'per unit' },
  series: { de: 'Zeitreihe', en: 'Series' },
  sum: { de: 'Summe', en: 'Sum' },
  mean: { de: 'Mittel', en: 'Mean' },
  max: { de: 'Maximum', en: 'Maximum' },
  importPrice: { de: 'Strombezugspreis', en: 'Import price' },
  exportPrice: { de: 'Einspeisevergütung', en: 'Export price' },
  gridCo2: { de: 'Emissionsfaktor Netzstrom', en: 'Grid emission factor' },
  peakCharge: { de: 'Leistungspreis', en: 'Peak charge' },
  connectionLimit: { de: 'Anschlussleistung', en: 'Connection limit' },
  exportLimit: { de: 'Einspeisegrenze', en: 'Export limit' },
  timeVarying: { de: 'zeitvariabel', en: 'time-varying' },
  // demand
  heatDemand: { de: 'Wärmebedarf', en: 'Heat demand' },
  charging: { de: 'Laden', en: 'charging' },
  electricityDemand: { de: 'Strombedarf', en: 'Electricity demand' },
  annualEnergy: { de: 'Jahresenergie', en: 'Annual energy' },
  peakLoad: { de: 'Spitzenlast', en: 'Peak load' },
  fullLoadHoursDemand: { de: 'Benutzungsstunden', en: 'Utilisation hours' },
  loadDuration: { de: 'Jahresdauerlinie', en: 'Load duration curve' },
  hoursOfYear: { de: 'Stunden im Jahr', en: 'Hours of the year' },
  noDemandSeries: {
    de: 'Die Bedarfszeitreihen sind nicht im Projekt enthalten (Dateiverweis).',
    en: 'The demand series are not contained in the project (file reference).',
  },
  // plant
  capacities: { de: 'Leistungen und Kapazitäten', en: 'Capacities' },
  power: { de: 'Leistung', en: 'Power' },
  energyCapacity: { de: 'Speicherkapazität', en: 'Storage capacity' },
  area: { de: 'Fläche', en: 'Area' },
  fullLoadHours: { de: 'Volllaststunden', en: 'Full-load hours' },
  output: { de: 'Erzeugung', en: 'Output' },
  annualCost: { de: 'Jahreskosten', en: 'Annual cost' },
  totalAnnualCost: { de: 'Gesamtjahreskosten', en: 'Total annual cost' },
  costBreakdown: { de: 'Kostenaufteilung', en: 'Cost breakdown' },
  costsByTechnology: { de: 'Kosten je Technologie', en: 'Costs by technology' },
  kpis: { de: 'Kennzahlen', en: 'Key figures' },
  emissions: { de: 'CO2-Emissionen', en: 'CO2 emissions' },
  lcoh: { de: 'Wärmegestehungskosten', en: 'Levelised cost of heat' },
  lcoe: { de: 'Stromgestehungskosten', en: 'Levelised cost of electricity' },
  renewableHeatShare: { de: 'Erneuerbarer Wärmeanteil', en: 'Renewable heat share' },
  pvSelfConsumption: { de: 'PV-Eigenverbrauch', en: 'PV self-consumption' },
  peakGridImport: { de: 'Bezugsspitze', en: 'Peak grid import' },
  gridImport: { de: 'Netzbezug', en: 'Grid import' },
  gridExport: { de: 'Netzeinspeisung', en: 'Grid export' },
  status: { de: 'Status', en: 'Status' },
  why: { de: 'Begründung', en: 'Why this plant set' },
  whyText: {
    de: 'Die Anlagenkombination minimiert die Jahreskosten (Annuitäten der Investitionen abzüglich Förderung, Betriebs-, Brennstoff-, Strom- und CO2-Kosten, abzüglich Erlöse) bei stündlicher Deckung des Wärme- und Strombedarfs. Größter Wärmeerzeuger ist {top} mit {share} der erzeugten Wärme.',
    en: 'The plant set minimises the annual cost (annuities of the investments less subsidies, operating, fuel, electricity and CO2 costs, less revenues) while meeting the heat and electricity demand in every hour. The largest heat producer is {top} with {share} of the heat produced.',
  },
  warnings: { de: 'Hinweise des Lösers', en: 'Solver findings' },
  annualBalances: { de: 'Jahresenergiebilanz', en: 'Annual energy balance' },
  // charts
  winterWeek: { de: 'Betrieb in einer Winterwoche', en: 'Dispatch in a winter week' },
  summerWeek: { de: 'Betrieb in einer Sommerwoche', en: 'Dispatch in a summer week' },
  heatOutput: { de: 'Wärmeerzeugung', en: 'Heat output' },
  sankey: { de: 'Energieflüsse im Jahr', en: 'Annual energy flows' },
  costChart: { de: 'Jahreskosten nach Kostenart', en: 'Annual cost by category' },
  noDispatch: {
    de: 'Für dieses Ergebnis ist kein stündlicher Betrieb gespeichert.',
    en: 'No hourly dispatch is stored for this result.',
  },
  ambientHeat: { de: 'Umweltwärme', en: 'Ambient heat' },
  sun: { de: 'Sonne', en: 'Sun' },
  losses: { de: 'Verluste', en: 'Losses' },
  heatBus: { de: 'Wärme', en: 'Heat' },
  electricityBus: { de: 'Strom', en: 'Electricity' },
  // comparison
  comparisonNote: {
    de: 'Jede Spalte ist eine eigene Optimierung mit den Änderungen des Szenarios.',
    en: 'Each column is a separate optimisation with the scenario’s changes.',
  },
  overrides: { de: 'Änderungen gegenüber der Basis', en: 'Changes to the base' },
  noScenarios: {
    de: 'Das Projekt enthält keine weiteren Szenarien.',
    en: 'The project has no further scenarios.',
  },
  // method
  methodModel: {
    de: 'Modell: lineares Optimierungsmodell (LP) über die Stunden eines Jahres mit Energiebilanzen für Wärme und Strom je Stunde, Speicherständen, Leistungsgrenzen und Kosten als Jahreswerte (Annuitätenmethode).',
    en: 'Model: linear optimisation model (LP) over the hours of a year with heat and electricity balances in every hour, storage levels, capacity limits and costs as annual values (annuity method).',
  },
  methodAggregated: {
    de: 'Aggregation: die Leistungen wurden auf {periods} Typtagen ausgelegt (Speicher über das Jahr verknüpft); mit diesen Leistungen wurde der Betrieb aller 8.760 Stunden in einer Ganzjahresprüfung berechnet. Abweichung der Zielfunktion zwischen Typtagen und ganzem Jahr: {gap}.',
    en: 'Aggregation: the capacities were sized on {periods} typical days (storage linked across the year); with these capacities the dispatch of all 8,760 hours was computed in a full-year check. Difference of the objective between typical days and full year: {gap}.',
  },
  methodFull: {
    de: 'Volles Jahr: das Modell wurde über alle Stunden des Jahres gelöst (Verfahren: {method}).',
    en: 'Full year: the model was solved over all hours of the year (method: {method}).',
  },
  methodSolver: {
    de: 'Löser: {solver}, {columns} Variablen, {rows} Nebenbedingungen, Rechenzeit {seconds} s, Optimalitätslücke {gap}.',
    en: 'Solver: {solver}, {columns} variables, {rows} constraints, run time {seconds} s, optimality gap {gap}.',
  },
  methodBalance: {
    de: 'Bilanzprüfung: größte Abweichung der stündlichen Energiebilanzen {residual} kW ({ok}).',
    en: 'Balance check: largest residual of the hourly energy balances {residual} kW ({ok}).',
  },
  balanceOk: { de: 'eingehalten', en: 'satisfied' },
  balanceNotOk: { de: 'NICHT eingehalten', en: 'NOT satisfied' },
  methodNote: {
    de: 'Alle Kosten sind Jahreswerte in EUR/a ohne Mehrwertsteuer; Energien in MWh/a; Zeitangaben in Normalzeit (ohne Sommerzeit).',
    en: 'All costs are annual values in EUR/a without VAT; energies in MWh/a; times in local standard time (no daylight saving).',
  },
  // sheets
  sheetInputs: { de: 'Eingaben', en: 'Inputs' },
  sheetTechnologies: { de: 'Technologien', en: 'Technologies' },
  sheetCapacities: { de: 'Leistungen', en: 'Capacities' },
  sheetCosts: { de: 'Kosten', en: 'Costs' },
  sheetBalances: { de: 'Jahresbilanzen', en: 'Annual balances' },
  sheetDispatch: { de: 'Fahrplan', en: 'Dispatch' },
  sheetComparison: { de: 'Szenarienvergleich', en: 'Scenario comparison' },
  time: { de: 'Zeit (Normalzeit)', en: 'Time (standard time)' },
  hour: { de: 'Stunde', en: 'Hour' },
  weight: { de: 'Gewicht', en: 'Weight' },
  section: { de: 'Abschnitt', en: 'Section' },
  key: { de: 'Größe', en: 'Key' },
  // inputs (labelled as the planner's forms label them)
  co2Cap: { de: 'CO2-Obergrenze', en: 'CO2 cap' },
  minRenewableHeatShare: { de: 'Mindestanteil erneuerbarer Wärme', en: 'Minimum renewable heat share' },
  maxGridImport: { de: 'Höchster Strombezug', en: 'Maximum grid import' },
  fuelPrice: { de: 'Preis {fuel}', en: '{fuel} price' },
  fuelCo2: { de: '{fuel}: CO2-Emissionsfaktor', en: '{fuel}: CO2 emission factor' },
  fuelRenewable: { de: '{fuel}: erneuerbar', en: '{fuel}: renewable' },
  renewableShareGrid: { de: 'Erneuerbarer Anteil des Netzstroms', en: 'Renewable share of grid electricity' },
  priceSeries: { de: 'Preisreihe', en: 'Price series' },
  priceScale: { de: 'Faktor auf die Reihe', en: 'Factor on the series' },
  priceAdder: {
    de: 'Aufschlag (Netzentgelte, Umlagen, Steuern)',
    en: 'Adder (grid fees, levies, taxes)',
  },
  timeVaryingPrice: {
    de: 'zeitvariabel: {series} × {scale} {sign} {adder}',
    en: 'time-varying: {series} × {scale} {sign} {adder}',
  },
  capacityUnit: { de: 'Leistungseinheit', en: 'Capacity unit' },
  minCapacity: { de: 'Mindestgröße', en: 'Minimum size' },
  maxCapacity: { de: 'Höchstgröße', en: 'Maximum size' },
  hours: { de: 'Stunden', en: 'Hours' },
  annualSum: { de: 'Jahressumme', en: 'Annual total' },
  seriesMean: { de: 'Mittelwert', en: 'Mean' },
  projectYear: { de: 'Jahr des Projekts', en: 'Project year' },
  location: { de: 'Standort', en: 'Location' },
  timeZone: { de: 'Zeitzone', en: 'Time zone' },
  values: { de: 'Werte', en: 'Values' },
  noOverrides: { de: 'keine', en: 'none' },
} as const satisfies Record<string, Record<ReportLanguage, string>>;

export type TextKey = keyof typeof T;

/** A report text in the given language; `{name}` placeholders are filled from `params`. */
export function text(lang: ReportLanguage, key: TextKey, params: Record<string, string> = {}): string {
  return T[key][lang].replace(/\{(\w+)\}/g, (m, p: string) => params[p] ?? m);
}

const TECH_TYPES: Record<string, Record<ReportLanguage, string>> = {
  boiler: { de: 'Kessel', en: 'Boiler' },
  electricBoiler: { de: 'Elektrokessel', en: 'Electric boiler' },
  chp: { de: 'BHKW', en: 'CHP' },
  heatPump: { de: 'Wärmepumpe', en: 'Heat pump' },
  pv: { de: 'Photovoltaik', en: 'Photovoltaics' },
  solarThermal: { de: 'Solarthermie', en: 'Solar thermal' },
  battery: { de: 'Batteriespeicher', en: 'Battery' },
  heatStorage: { de: 'Wärmespeicher', en: 'Heat storage' },
  heatDump: { de: 'Notkühler', en: 'Heat dump' },
  grid: { de: 'Stromnetz', en: 'Grid' },
};
export const techTypeName = (lang: ReportLanguage, type: string): string => TECH_TYPES[type]?.[lang] ?? type;

/** Cost category names: one list for the planner and the report (results views). */
export const categoryName = (lang: ReportLanguage, c: string): string => costCategoryName(lang, c);

const FLOWS: Record<string, Record<ReportLanguage, string>> = {
  heat_out: { de: 'Wärmeerzeugung', en: 'Heat output' },
  el_out: { de: 'Stromerzeugung', en: 'Electricity output' },
  el_in: { de: 'Stromverbrauch', en: 'Electricity input' },
  charge: { de: 'Beladung', en: 'Charge' },
  discharge: { de: 'Entladung', en: 'Discharge' },
  import: { de: 'Netzbezug', en: 'Grid import' },
  export: { de: 'Einspeisung', en: 'Grid export' },
  dump: { de: 'Notkühlung', en: 'Heat dumped' },
  soc: { de: 'Speicherstand', en: 'State of charge' },
  curtailed: { de: 'Abregelung', en: 'Curtailed' },
};
export const flowName = (lang: ReportLanguage, f: string): string => FLOWS[f]?.[lang] ?? f;

const STATUS: Record<string, Record<ReportLanguage, string>> = {
  optimal: { de: 'optimal', en: 'optimal' },
  time_limit: { de: 'Zeitlimit (beste gefundene Lösung)', en: 'time limit (best solution found)' },
  infeasible: { de: 'unlösbar', en: 'infeasible' },
  unbounded: { de: 'unbeschränkt', en: 'unbounded' },
  cancelled: { de: 'abgebrochen', en: 'cancelled' },
  error: { de: 'Fehler', en: 'error' },
};
export const statusName = (lang: ReportLanguage, s: string): string => STATUS[s]?.[lang] ?? s;

/** The solver as its makers write it. */
export const solverName = (s: string): string => ({ highs: 'HiGHS', glpk: 'GLPK' })[s] ?? s.toUpperCase();

const METHODS: Record<string, Record<ReportLanguage, string>> = {
  direct: { de: 'direkt, ein lineares Programm', en: 'direct, one linear program' },
  decomposition: { de: 'Zerlegung in Teilprobleme', en: 'decomposition into subproblems' },
};
export const methodName = (lang: ReportLanguage, m: string): string => METHODS[m]?.[lang] ?? m;
