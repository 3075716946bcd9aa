import { describe, expect, it } from 'vitest';
import { checkNumber, inputText, parseLocaleNumber } from './numbers';

const v = (s: string, l: 'de' | 'en' = 'de') => {
  const p = parseLocaleNumber(s, l);
  return p.ok ? p.value : p.error;
};

describe('number input', () => {
  it('reads German decimal commas and thousands dots', () => {
    expect(v('0,055')).toBe(0.055);
    expect(v('1.234,5')).toBe(1234.5);
    expect(v('1.500')).toBe(1500);
    expect(v('0.055')).toBe(0.055);
    expect(v(' 12 000 ')).toBe(12000);
    expect(v('-3,5')).toBe(-3.5);
    expect(v('1,2,3')).toBe('notANumber');
    expect(v('abc')).toBe('notANumber');
    expect(v('')).toBe('empty');
  });
  it('reads English thousands commas', () => {
    expect(v('1,234.5', 'en')).toBe(1234.5);
    expect(v('0.055', 'en')).toBe(0.055);
    expect(v('0,055', 'en')).toBe('notANumber');
  });
  it('shows numbers without grouping in the language', () => {
    expect(inputText(1234.5, 'de')).toBe('1234,5');
    expect(inputText(0.0825, 'en')).toBe('0.0825');
    expect(parseLocaleNumber(inputText(1234.56789, 'de'), 'de')).toEqual({ ok: true, value: 1234.56789 });
  });
  it('groups thousands as the language writes them, and reads the grouped text back', () => {
    expect(inputText(10000, 'de', true)).toBe('10.000');
    expect(inputText(1234567.25, 'de', true)).toBe('1.234.567,25');
    expect(inputText(10000, 'en', true)).toBe('10,000');
    expect(inputText(-2500.5, 'en', true)).toBe('-2,500.5');
    for (const x of [10000, 1234567.25, -2500.5, 0.055, 999, 1000])
      for (const l of ['de', 'en'] as const)
        expect(parseLocaleNumber(inputText(x, l, true), l)).toEqual({ ok: true, value: x });
    // both ways of writing 10 000 in German
    expect(v('10.000')).toBe(10000);
    expect(v('10 000')).toBe(10000);
    expect(v('10\u202f000')).toBe(10000);
  });
  it('checks rules and names the limit', () => {
    expect(checkNumber('-1', 'de', { min: 0 }).error).toEqual({ code: 'min', limit: 0 });
    expect(checkNumber('0', 'de', { min: 0, exclusiveMin: true }).error).toEqual({
      code: 'greater',
      limit: 0,
    });
    expect(checkNumber('101', 'de', { max: 100 }).error).toEqual({ code: 'max', limit: 100 });
    expect(checkNumber('2023,5', 'de', { integer: true }).error).toEqual({ code: 'integer' });
    expect(checkNumber('', 'de', { required: true }).error).toEqual({ code: 'empty' });
    expect(checkNumber('', 'de', {})).toEqual({ value: undefined, error: null });
    expect(checkNumber('0,4', 'de', { min: 0, max: 1 })).toEqual({ value: 0.4, error: null });
  });
});
