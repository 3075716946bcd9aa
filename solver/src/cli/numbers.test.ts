import { describe, expect, it } from 'vitest';
import { fixed } from './numbers';

describe("fixed (the CLI's numbers)", () => {
  it('rounds like toFixed but never prints a negative zero', () => {
    expect(fixed(-1e-9, 0)).toBe('0');
    expect(fixed(-0, 1)).toBe('0.0');
    expect(fixed(-0.04, 1)).toBe('0.0');
    expect(fixed(-0.6, 0)).toBe('-1');
    expect(fixed(12.345, 1)).toBe('12.3');
  });
});
