import { describe, expect, it } from 'vitest';
import de from '../i18n/areas/planner.de.json';
import en from '../i18n/areas/planner.en.json';

const sources = {
  ...import.meta.glob<string>(
    ['../pages/plants/*.tsx', '../pages/scenarios/*.tsx', '../pages/ProjectsPage.tsx'],
    {
      query: '?raw',
      import: 'default',
      eager: true,
    },
  ),
  ...import.meta.glob<string>('../components/*.tsx', { query: '?raw', import: 'default', eager: true }),
};

function leaves(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? leaves(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('planner texts', () => {
  it('German and English have the same keys under planner', () => {
    expect(Object.keys(de)).toEqual(['planner']);
    expect(leaves(en).sort()).toEqual(leaves(de).sort());
  });

  it('every fixed planner key the pages use exists (dynamic keys: their known values)', () => {
    const known = new Set(leaves(de));
    const used = new Set<string>();
    for (const text of Object.values(sources))
      for (const m of text.matchAll(/t\(\s*[`'"](planner\.[A-Za-z0-9_.]+)(\$\{)?/g))
        if (!m[2]) used.add(m[1]);
    expect(used.size).toBeGreaterThan(100);
    // plurals: key_one / key_other
    expect([...used].filter((k) => !known.has(k) && !known.has(`${k}_other`))).toEqual([]);
    for (const code of ['empty', 'notANumber', 'min', 'greater', 'max', 'integer'])
      expect(known.has(`planner.field.${code}`)).toBe(true);
    for (const s of ['optimal', 'time_limit', 'infeasible', 'unbounded', 'cancelled', 'error'])
      expect(known.has(`planner.run.status.${s}`)).toBe(true);
  });
});
