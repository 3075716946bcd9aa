// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeTeamCode, encodeTeamCode } from './controller';

const params = {
  formatVersion: 1 as const,
  keyId: 'team-1',
  kdf: 'PBKDF2-SHA-256' as const,
  iterations: 600_000,
  salt_b64: 'AAAAAAAAAAAAAAAAAAAAAA==',
  verifier_b64: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
};

describe('team key codes: the key-derivation parameters are bounded', () => {
  it('reads a code it wrote', () => {
    expect(decodeTeamCode(encodeTeamCode(params))).toEqual(params);
  });

  it('refuses a code asking for 2 billion PBKDF2 iterations (it would freeze the app)', () => {
    expect(() => decodeTeamCode(encodeTeamCode({ ...params, iterations: 2_000_000_000 }))).toThrow(
      /not valid/,
    );
  });

  it('refuses fewer than 600 000 iterations and non-integers', () => {
    expect(() => decodeTeamCode(encodeTeamCode({ ...params, iterations: 1000 }))).toThrow(/not valid/);
    expect(() => decodeTeamCode(encodeTeamCode({ ...params, iterations: 600_000.5 }))).toThrow(/not valid/);
  });
});
