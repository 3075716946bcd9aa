import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../results';
import { csvNumber, dispatchCsv } from './csv';

const d: Dispatch = {
  hours: Int32Array.from([0, 1]),
  weight: Float64Array.from([1, 1]),
  year: 2025,
  series: {
    'gb.heat_out_kW': Float64Array.from([1.23456789, 0]),
    '=x.charge_kW': Float64Array.from([-1e-12, 2.5]),
  },
};

describe('dispatch CSV (one writer, three styles)', () => {
  it('plain (werkplan solve dispatch.csv): comma, point, 3 decimals, LF, no BOM', () => {
    expect(dispatchCsv(d)).toBe(
      'hour,time_local_standard,weight_h,gb.heat_out_kW,=x.charge_kW\n' +
        '0,2025-01-01 00:00,1.000,1.235,0\n' +
        '1,2025-01-01 01:00,1.000,0,2.500\n',
    );
  });

  it('de (report): semicolon, decimal comma, up to 6 decimals, CRLF, BOM, neutralised names', () => {
    expect(dispatchCsv(d, 'de')).toBe(
      "\uFEFFhour;time_local_standard;weight_h;gb.heat_out_kW;'=x.charge_kW\r\n" +
        '0;2025-01-01 00:00;1;1,234568;0\r\n' +
        '1;2025-01-01 01:00;1;0;2,5\r\n',
    );
  });

  it('intl (report): comma, point, up to 6 decimals, CRLF, no BOM', () => {
    expect(dispatchCsv(d, 'intl')).toBe(
      "hour,time_local_standard,weight_h,gb.heat_out_kW,'=x.charge_kW\r\n" +
        '0,2025-01-01 00:00,1,1.234568,0\r\n' +
        '1,2025-01-01 01:00,1,0,2.5\r\n',
    );
    expect(csvNumber(-0.0000001, 'intl')).toBe('0');
  });
});
