import { beforeAll, describe, expect, it } from 'vitest';
import singleText from '../../../assets/examples/single-building.json?raw';
import hubText from '../../../assets/examples/reference-hub.json?raw';
import pathExampleText from '../../../assets/examples/transformation-path.json?raw';
import { i18next, initI18n } from '../i18n';
import { catalogue } from './catalogue';
import { checkForPlanner, checkProject } from '../../../solver/src';
import { blankDocument } from './document';
import { describeProblems, fileProblems, schemaAt, seriesNames, type Problem } from './problems';
import { periodFindings } from '../pages/plants/pathEdit';
import type { Project } from '../../../solver/src/project/types';
import de from '../i18n/areas/planner.de.json';
import en from '../i18n/areas/planner.en.json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of parsed JSON
type Json = Record<string, any>;

beforeAll(async () => {
  await initI18n('de');
});

/** The planner's messages for a document, as the Plants page lists them. */
function problems(doc: unknown, language: 'de' | 'en' = 'de'): Problem[] {
  const v = checkForPlanner(doc);
  return describeProblems(v.ok ? [] : v.errors, doc as Project, i18next.getFixedT(language), language);
}
const texts = (doc: unknown, language: 'de' | 'en' = 'de') => problems(doc, language).map((p) => p.text);
const hub = () => JSON.parse(hubText) as Json;

/** No JSON pointer, schema regex, raw English message or NaN in what the planner reads. */
function expectPlain(list: string[]) {
  for (const s of list) {
    expect(s).not.toMatch(/\/(technologies|timeSeries|fuels|grid|demands|site|economics)\//);
    expect(s).not.toMatch(/must|pattern|\^\[|NaN|undefined|\{\{/);
  }
}

describe('validation messages in the planner', () => {
  it('a blank project has nothing to correct, only what is still to add (neutral)', () => {
    const list = problems(blankDocument('Neu', 2025));
    expect(list.every((p) => p.kind === 'todo')).toBe(true);
    expect(list.map((p) => p.text)).toEqual([
      'Wärmebedarf: noch kein Profil zugeordnet – auf der Seite „Profile“ importieren oder unten unter „Bedarfe“ ein Standardprofil erzeugen.',
      'Strombedarf: noch kein Profil zugeordnet – auf der Seite „Profile“ importieren oder unten unter „Bedarfe“ ein Standardprofil erzeugen.',
      'Noch keine Technologie – unter „Technologien“ eine aus dem Katalog hinzufügen.',
    ]);
  });

  it('the examples have no problems', () => {
    expect(problems(JSON.parse(singleText))).toEqual([]);
    expect(problems(hub())).toEqual([]);
  });

  it('names the field as the form does, with its range in the shown unit', () => {
    const d = hub();
    d.technologies.find((t: Json) => t.id === 'gb').capex_EUR_per_unit = -500;
    d.technologies.find((t: Json) => t.id === 'gb').fixedOm_share = 2.5;
    d.economics.interestRate = 'abc';
    const list = texts(d);
    expect(list).toEqual([
      'Kalkulationszins ist keine Zahl.',
      'Gaskessel: Investition muss mindestens 0 EUR/kW sein.',
      'Gaskessel: Fixe Betriebskosten (Anteil der Investition je Jahr) muss zwischen 0 % und 100 % liegen.',
    ]);
    expectPlain(list);
    expect(problems(d)[1].pointer).toBe('/technologies/0/capex_EUR_per_unit'); // kept for the tooltip
    expect(texts(d, 'en')[1]).toBe('Gaskessel: Investment must be at least 0 EUR/kW.');
  });

  it('collapses a series with 8,760 bad values into one line with the count and the first hour', () => {
    const d = hub();
    const key = d.demands.heat as string;
    d.timeSeries[key].values = d.timeSeries[key].values.map((v: number, i: number) => (i >= 24 ? NaN : v));
    const list = texts(d);
    expect(list).toHaveLength(1);
    expect(list[0]).toBe(
      `Zeitreihe „${key}“: 8.736 Stunden ohne gültigen Wert, die erste am 02.01.${d.site.year}, 00:00 (Stunde 25 des Jahres).`,
    );
    expectPlain(list);
    // a single gap
    d.timeSeries[key].values = d.timeSeries[key].values.map((_: number, i: number) => (i === 10 ? null : 1));
    expect(texts(d)).toEqual([
      `Zeitreihe „${key}“: 1 Stunde ohne gültigen Wert, am 01.01.${d.site.year}, 10:00 (Stunde 11 des Jahres).`,
    ]);
  });

  it('counts the gaps of a quarter-hourly series in quarter hours, and names the length with both', () => {
    const d = hub();
    const key = d.demands.heat as string;
    d.site.timeStep_min = 15;
    d.timeSeries[key].values = Array.from({ length: 4 * 8760 }, (_, i) => (i === 41 || i === 50 ? NaN : 1));
    expect(texts(d)).toEqual([
      `Zeitreihe „${key}“: 2 Viertelstunden ohne gültigen Wert, die erste am 01.01.${d.site.year}, 10:15 (Viertelstunde 42 des Jahres).`,
    ]);
    expect(texts(d, 'en')[0]).toMatch(
      /2 quarter hours without a valid value, the first on .*10:15.* \(quarter hour 42 of the year\)\.$/,
    );
    d.timeSeries[key].values = [1, 2, 3];
    expect(texts(d)).toEqual([
      `Zeitreihe „${key}“ hat 3 Werte, das Jahr ${d.site.year} hat 8.760 Stunden (35.040 Viertelstunden).`,
    ]);
  });

  it('names a series as the user named it, never by its document key', () => {
    const d = hub();
    const key = d.demands.heat as string;
    const stored = {
      timeSeries: Object.fromEntries(
        Object.entries(d.timeSeries as Json).map(([k, s]) => [k, { unit: s.unit, seriesId: `id-${k}` }]),
      ),
    };
    const names = seriesNames(stored, [{ id: `id-${key}`, name: 'Wärmelastgang 2023' }]);
    expect(names).toEqual({ [key]: 'Wärmelastgang 2023' });
    const named = (doc: Json, language: 'de' | 'en' = 'de') => {
      const v = checkForPlanner(doc);
      return describeProblems(v.ok ? [] : v.errors, doc as Project, i18next.getFixedT(language), language, {
        seriesNames: names,
      }).map((p) => p.text);
    };
    // the unit checked against its use (a cross-check: on an otherwise valid project)
    d.timeSeries[key].unit = 'MW';
    expect(named(d)).toEqual(['Zeitreihe „Wärmelastgang 2023“ hat die Einheit MW, erwartet wird kW.']);
    expect(named(d, 'en')).toEqual(['Time series “Wärmelastgang 2023” has the unit MW; kW is expected.']);
    d.timeSeries[key].unit = 'kW';
    d.timeSeries[key].values = d.timeSeries[key].values.map((v: number, i: number) => (i === 10 ? NaN : v));
    expect(named(d)).toEqual([
      `Zeitreihe „Wärmelastgang 2023“: 1 Stunde ohne gültigen Wert, am 01.01.${d.site.year}, 10:00 (Stunde 11 des Jahres).`,
    ]);
    expect(named(d, 'en')[0]).toMatch(/^Time series “Wärmelastgang 2023”: 1 hour without a valid value/);
    // a project file's series have no other name: the key
    expect(texts(d).join(' ')).toContain(`„${key}“`);
  });

  it('one message for a price that is neither a number nor a series', () => {
    const d = hub();
    d.fuels.gas.price_EUR_kWh = { scale: 2 };
    const list = texts(d);
    expect(list).toEqual(['Preis Erdgas: Preisreihe fehlt.']);
    expectPlain(list);
  });

  it('explains cross-checks in the user language', () => {
    const d = hub();
    const gb = d.technologies.find((t: Json) => t.id === 'gb');
    gb.fuel = 'oil';
    gb.min = 900;
    gb.max = 100;
    const list = texts(d);
    expect(list).toContain('Gaskessel: Die Mindestleistung (900 kW) liegt über der Höchstleistung (100 kW).');
    expect(list).toContain(
      'Gaskessel: Der Brennstoff „oil“ ist nicht angelegt (unter „Brennstoffe, Preise und Tarife“ hinzufügen).',
    );
    expectPlain(list);
    const english = texts(d, 'en');
    expect(english.join(' ')).toMatch(/the minimum capacity \(900 kW\) is above the maximum capacity/);
    expectPlain(english);
  });

  it('never shows an id pattern; missing values are named', () => {
    const d = hub();
    d.technologies[0].id = '1abc';
    delete d.technologies[1].lifetime_a;
    const list = texts(d);
    expect(list.some((s) => s.includes('„1abc“ ist als Kennung ungültig'))).toBe(true);
    expect(list.some((s) => /Nutzungsdauer fehlt\.$/.test(s))).toBe(true);
    expectPlain(list);
  });

  it('finds the schema of a field by the technology type', () => {
    const d = hub();
    expect(schemaAt(d, '/technologies/0/capex_EUR_per_unit')).toMatchObject({ minimum: 0 });
    expect(schemaAt(d, '/economics/interestRate')).toMatchObject({ type: 'number' });
    expect(schemaAt(d, '/fuels/gas/price_EUR_kWh')).toMatchObject({ type: 'number' });
  });
});

describe('problems of a transformation path', () => {
  /** The planner's messages with the path's own check (as the plants page lists them). */
  const pathTexts = (doc: Json, language: 'de' | 'en' = 'de') => {
    const v = checkForPlanner(doc);
    const findings = [...(v.ok ? [] : v.errors), ...periodFindings(doc.periods)];
    return describeProblems(findings, doc as Project, i18next.getFixedT(language), language).map(
      (p) => p.text,
    );
  };
  const withPath = () => {
    const d = hub();
    d.periods = {
      years: [2025, 2030, 2035],
      targets: { minRenewableHeatShare: { '2030': 0.3 } },
      prices: { co2Price_EUR_t: { '2025': 55 } },
    };
    return d;
  };

  it('a valid path has no problems', () => {
    expect(pathTexts(withPath())).toEqual([]);
    expect(pathTexts(JSON.parse(pathExampleText) as Json)).toEqual([]);
  });

  it('years that do not increase: named by the period, in both languages', () => {
    const d = withPath();
    d.periods.years = [2025, 2035, 2030];
    expect(pathTexts(d)).toEqual([
      'Transformationspfad: Jahr der 3. Periode: 2030 muss nach 2035 kommen (die Periodenjahre müssen aufsteigen).',
    ]);
    expect(pathTexts(d, 'en')).toEqual([
      'Transformation path: Year of period 3: 2030 must come after 2035 (the period years must increase).',
    ]);
  });

  it('a figure out of range names its row and year, in the shown unit', () => {
    const d = withPath();
    d.periods.targets.minRenewableHeatShare['2030'] = 1.5;
    d.periods.prices.co2Price_EUR_t['2025'] = -5;
    const list = pathTexts(d);
    expect(list).toContain(
      'Transformationspfad: Mindestanteil erneuerbarer Wärme (WPG) 2030 muss zwischen 0 % und 100 % liegen.',
    );
    expect(list).toContain('Transformationspfad: CO₂-Preis 2025 muss mindestens 0 EUR/t sein.');
    for (const s of list) expect(s).not.toMatch(/\/periods|must|NaN|undefined|\{\{/);
  });

  it('a key that is no year, an unknown entry, a year out of range', () => {
    const d = withPath();
    d.periods.prices.co2Price_EUR_t = { '20x5': 55 };
    d.periods.colour = 'green';
    d.periods.years[0] = 1900;
    const list = pathTexts(d);
    expect(list).toContain('Transformationspfad: CO₂-Preis: „20x5“ ist kein Jahr zwischen 1950 und 2100.');
    expect(list).toContain('Transformationspfad: unbekannter Eintrag „colour“.');
    expect(list).toContain('Transformationspfad: Jahr der 1. Periode muss zwischen 1990 und 2100 liegen.');
    for (const s of list) expect(s).not.toMatch(/\/periods|must|NaN|undefined|\{\{/);
  });

  it('a commissioning year out of range reads as a year', () => {
    const d = withPath();
    d.technologies.find((t: Json) => t.id === 'gb').commissioned_year = 1900;
    expect(pathTexts(d)).toEqual([
      'Gaskessel: Inbetriebnahme des Bestands (Jahr) muss zwischen 1950 und 2100 liegen.',
    ]);
  });
});

describe('a project file that cannot be imported', () => {
  it('names each problem with its place in the file, in plain words', () => {
    const d = hub();
    d.economics.interestRate = 0.9;
    const text = JSON.stringify(d, null, 2);
    const v = checkProject(text, { fileName: 'hub.json', text });
    const lines = fileProblems(v.ok ? [] : v.errors, text, 'hub.json', i18next.getFixedT('de'), 'de');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hub\.json:\d+:\d+ – Kalkulationszins muss zwischen 0 % und 50 % liegen\.$/);
    const broken = text.slice(0, 300);
    const w = checkProject(broken, { fileName: 'hub.json', text: broken });
    expect(fileProblems(w.ok ? [] : w.errors, broken, 'hub.json', i18next.getFixedT('de'), 'de')).toEqual([
      expect.stringMatching(/^hub\.json:\d+:\d+ – Die Datei ist kein gültiges JSON\.$/),
    ]);
  });
});

describe('fuel names', () => {
  it('the translated table names every catalogue fuel as the catalogue does', () => {
    for (const f of catalogue.fuels) {
      expect((de.planner.fuelNames as Record<string, string>)[f.key]).toBe(f.name.de);
      expect((en.planner.fuelNames as Record<string, string>)[f.key]).toBe(f.name.en);
    }
  });
});
