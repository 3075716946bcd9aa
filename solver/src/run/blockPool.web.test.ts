import { describe, expect, it } from 'vitest';
import { defaultWebBlockWorkers } from './blockPool.web';

describe('defaultWebBlockWorkers', () => {
  it('leaves one core for the page, at least 1 and at most one worker per block', () => {
    expect(defaultWebBlockWorkers(52, 8)).toBe(7);
    expect(defaultWebBlockWorkers(52, 2)).toBe(1);
    expect(defaultWebBlockWorkers(52, 1)).toBe(1);
    expect(defaultWebBlockWorkers(3, 16)).toBe(3);
  });
});
