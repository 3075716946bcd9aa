import { describe, expect, it } from 'vitest';
import {
  modeOption,
  parseArgs,
  segmentsOption,
  solveWorkersOption,
  timeLimitOption,
  typicalDaysOption,
} from './args';

const table = { mode: 'value', milp: 'flag', scenario: 'values', 'time-limit': 'value' } as const;

describe('CLI options (node:util parseArgs with one table per command)', () => {
  it('reads positionals, values (inline or next), flags and repeated values in order', () => {
    const p = parseArgs(['P.json', '--mode', 'full', '--milp', '--scenario', 'a', '--scenario=b'], table);
    expect(p.positional).toEqual(['P.json']);
    expect(p.options).toEqual({ mode: 'full', milp: true, scenario: 'b' });
    expect(p.lists.scenario).toEqual(['a', 'b']);
  });
  it('takes a negative number as a value', () => {
    expect(parseArgs(['--time-limit', '-5'], table).options['time-limit']).toBe('-5');
  });
  it('says which option needs a value, also when the next argument is another option', () => {
    expect(() => parseArgs(['P.json', '--mode'], table)).toThrow('option --mode needs a value');
    expect(() => parseArgs(['--mode', '--milp'], table)).toThrow('option --mode needs a value');
  });
  it('names every unknown option at once', () => {
    expect(() => parseArgs(['--colour', 'red', '--size=2', '-x'], table)).toThrow(
      'unknown option(s): --colour, --size, -x',
    );
  });
  it('checks the shared options once, with the messages of every command', () => {
    expect(modeOption({}, 'full')).toBe('full');
    expect(() => modeOption({ mode: 'fast' }, 'full')).toThrow('--mode must be one of aggregated, full');
    expect(timeLimitOption({ 'time-limit': '60' })).toBe(60);
    expect(() => timeLimitOption({ 'time-limit': '0' })).toThrow('positive number of seconds');
    expect(typicalDaysOption({})).toBeUndefined();
    expect(() => typicalDaysOption({ 'typical-days': '1.5' })).toThrow('integer from 1 to 366');
    expect(segmentsOption({})).toBeUndefined();
    expect(segmentsOption({ segments: '24' })).toBe(24);
    expect(() => segmentsOption({ segments: '25' })).toThrow('--segments must be an integer from 1 to 24');
    expect(solveWorkersOption({})).toBeUndefined();
    expect(solveWorkersOption({ workers: '1' })).toBe(1);
    expect(() => solveWorkersOption({ workers: '0' })).toThrow(
      '--workers must be a whole number from 1 to 256',
    );
    expect(() => solveWorkersOption({ workers: true })).toThrow('--workers must be a whole number');
  });
});
