import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../i18n';
import { solverError } from './client';

beforeAll(async () => {
  await initI18n('de');
});
afterAll(async () => {
  await i18next.changeLanguage('de');
});

describe('the solver worker’s errors as the planner shows them', () => {
  it('a HiGHS-WASM abort says what it usually means, in German and English', async () => {
    const raw = 'Aborted(). Build with -sASSERTIONS for more info.';
    expect(solverError(raw).message).toBe(
      'Der Rechenkern (HiGHS) hat die Rechnung abgebrochen, meist weil sein Speicher (höchstens 2 GiB) für dieses Modell nicht reicht. Kleiner rechnen hilft: Typtage statt aller Stunden, weniger Perioden oder ein stündlicher statt eines 15-Minuten-Zeitschritts. Der Rechenkern wird für die nächste Rechnung neu gestartet.',
    );
    await i18next.changeLanguage('en');
    expect(solverError('Aborted(OOM)').message).toBe(
      'The solver (HiGHS) stopped the calculation, usually because its memory (at most 2 GiB) is not enough for this model. A smaller model helps: typical days instead of all hours, fewer periods, or an hourly instead of a 15-minute time step. The solver restarts for the next calculation.',
    );
  });

  it('any other message stays as the worker said it', () => {
    expect(solverError('HiGHS backend was disposed').message).toBe('HiGHS backend was disposed');
    expect(solverError('not Aborted()').message).toBe('not Aborted()');
  });
});
