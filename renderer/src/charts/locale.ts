import { registerLocale } from 'echarts/core';
import type { Language } from '../i18n';

/**
 * echarts in German: month and weekday names on time axes ("Mär", "Mai", not "Mar", "May") and the
 * texts echarts writes itself. Registered once on import; `chartLocale` names it for `echarts.init`.
 * Parts not given here fall back to echarts' English.
 */
const DE = {
  time: {
    month: [
      'Januar',
      'Februar',
      'März',
      'April',
      'Mai',
      'Juni',
      'Juli',
      'August',
      'September',
      'Oktober',
      'November',
      'Dezember',
    ],
    monthAbbr: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
    dayOfWeek: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
    dayOfWeekAbbr: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
  },
};
// echarts merges a registered locale with its English one, so a partial object suffices.
registerLocale('DE', DE as unknown as Parameters<typeof registerLocale>[1]);

/** The echarts locale of the user's language. */
export const chartLocale = (language: Language): 'DE' | 'EN' => (language === 'de' ? 'DE' : 'EN');
