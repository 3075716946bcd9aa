import { describe, expect, it } from 'vitest';
import { CodecError, decodeValue, encodeValue } from './codec';

describe('at-rest codec', () => {
  it('round-trips typed arrays as bytes, special numbers, undefined and dates', () => {
    const value = {
      values: new Float64Array([1.5, NaN, -0, Infinity]),
      mask: new Uint8Array([1, 0, 1]),
      sub: new Float32Array(new Float64Array([0, 1, 2, 3]).buffer, 8, 2),
      when: new Date(1_700_000_000_000),
      list: [1, 'a', null, { deep: [-Infinity] }],
      missing: undefined,
    };
    const back = decodeValue(encodeValue(value)) as typeof value;
    expect(back.values).toBeInstanceOf(Float64Array);
    expect(Array.from(back.values)).toEqual([1.5, NaN, -0, Infinity]);
    expect(Object.is(back.values[2], -0)).toBe(true);
    expect(back.mask).toEqual(new Uint8Array([1, 0, 1]));
    expect(back.sub).toEqual(value.sub);
    expect(back.when.getTime()).toBe(1_700_000_000_000);
    expect(back.list).toEqual([1, 'a', null, { deep: [-Infinity] }]);
  });

  it('refuses values it cannot keep rather than changing them', () => {
    expect(() => encodeValue({ m: new Map() })).toThrow(CodecError);
    expect(() => encodeValue({ '$werkplan:ta': 1 })).toThrow(CodecError);
  });
});
