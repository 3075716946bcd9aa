import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../../i18n';
import { runModeText } from './runModeText';

describe('runModeText', () => {
  it('names the mode and, on typical days, their number and segments, in German and English', async () => {
    await initI18n('de');
    const t = i18next.t.bind(i18next);
    expect(runModeText({ mode: 'aggregated' }, t)).toBe(
      'Rechenart: Typtage (schnell), danach ganzes Jahr; 24 Typtage zu je 8 Zeitsegmenten',
    );
    expect(runModeText({ mode: 'aggregated', typicalDays: 12, segments: 24 }, t)).toBe(
      'Rechenart: Typtage (schnell), danach ganzes Jahr; 12 Typtage, stündlich',
    );
    expect(runModeText({ mode: 'full', typicalDays: 12 }, t)).toBe(
      'Rechenart: Alle Stunden des Jahres (genau)',
    );
    // A screening sweep: no "then the full year".
    expect(runModeText({ mode: 'aggregated' }, t, true)).toBe(
      'Rechenart: Schnellauswertung auf Typtagen, ohne Ganzjahresprüfung; 24 Typtage zu je 8 Zeitsegmenten',
    );
    await initI18n('en');
    expect(runModeText({ mode: 'aggregated', segments: 4 }, i18next.t.bind(i18next))).toBe(
      'Mode: Typical days (fast), then the full year; 24 typical days of 4 time segments each',
    );
    expect(runModeText({ mode: 'aggregated', segments: 4 }, i18next.t.bind(i18next), true)).toBe(
      'Mode: Quick screening on typical days, without the full-year check; 24 typical days of 4 time segments each',
    );
  });
});
