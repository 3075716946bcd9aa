import { describe, expect, it } from 'vitest';
import de from '../../i18n/areas/scenarios.de.json';
import en from '../../i18n/areas/scenarios.en.json';
import type { SweepPointState } from '../../project/sweeps';

const sources = import.meta.glob<string>(['./*.tsx', './*.ts', '!./*.test.*'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function leaves(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? leaves(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('scenarios texts', () => {
  it('German and English have the same keys under scenarios', () => {
    expect(Object.keys(de)).toEqual(['scenarios']);
    expect(leaves(en).sort()).toEqual(leaves(de).sort());
  });

  it('every fixed scenarios key the page uses exists, and one text per point state', () => {
    const known = new Set(leaves(de));
    const used = new Set<string>();
    for (const text of Object.values(sources))
      for (const m of text.matchAll(/[`'"](scenarios\.[A-Za-z0-9_.]+)(\$\{)?/g)) if (!m[2]) used.add(m[1]);
    expect(used.size).toBeGreaterThan(15);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
    const states: SweepPointState[] = ['pending', 'running', 'done', 'failed', 'cancelled'];
    for (const s of states) expect(known.has(`scenarios.sweep.pointState.${s}`)).toBe(true);
  });
});
