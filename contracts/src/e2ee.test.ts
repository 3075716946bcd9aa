// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  createProjectKey,
  createTeamKey,
  CryptoError,
  decryptProject,
  encryptProject,
  fromBase64,
  PBKDF2_ITERATIONS,
  unlockTeamKey,
} from './e2ee';

const PASS = 'Stadtwerke-Team-2026!';
const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

// One real 600 000-iteration derivation for the whole file (about 0.3 s each).
const created = createTeamKey(PASS);

describe('team key', () => {
  it('uses PBKDF2-SHA-256 with 600 000 iterations and a 16-byte random salt; the key is not extractable', async () => {
    const { params, teamKey } = await created;
    expect(params.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64(params.salt_b64, 'salt')).toHaveLength(16);
    expect(teamKey.key.extractable).toBe(false);
    expect(teamKey.key.algorithm.name).toBe('AES-KW');
    await expect(crypto.subtle.exportKey('raw', teamKey.key)).rejects.toThrow();
  });

  it('unlocks with the right passphrase and refuses a wrong one', async () => {
    const { params, teamKey } = await created;
    const again = await unlockTeamKey(PASS, params);
    expect(again.keyId).toBe(teamKey.keyId);
    await expect(unlockTeamKey('Stadtwerke-Team-2025!', params)).rejects.toThrow(/wrong team passphrase/);
  });

  it('refuses weak parameters', async () => {
    const { params } = await created;
    await expect(unlockTeamKey(PASS, { ...params, iterations: 1000 })).rejects.toThrow(/at least 600000/);
    // A crafted key code must not freeze the app: 2 billion iterations are refused before any work.
    await expect(unlockTeamKey(PASS, { ...params, iterations: 2_000_000_000 })).rejects.toThrow(
      /at most 10000000/,
    );
    await expect(createTeamKey('short')).rejects.toThrow(/at least 12 characters/);
  });
});

describe('project envelopes', () => {
  it('round-trips a project, and a second team member opens it with the same passphrase', async () => {
    const { params, teamKey } = await created;
    const key = await createProjectKey();
    const env = await encryptProject(bytes('{"name":"Nahwärme Kesselhaus"}'), 'p1', 3, key, teamKey);
    const colleague = await unlockTeamKey(PASS, params);
    const { plaintext } = await decryptProject(env, 'p1', 3, colleague);
    expect(text(plaintext)).toBe('{"name":"Nahwärme Kesselhaus"}');
    expect(env).toMatchObject({ formatVersion: 2, alg: 'AES-256-GCM', keyId: teamKey.keyId });
  });

  it('refuses tampered ciphertext, another project id, another version, a swapped nonce', async () => {
    const { teamKey } = await created;
    const key = await createProjectKey();
    const env = await encryptProject(bytes('secret plan'), 'p1', 2, key, teamKey);
    const ct = fromBase64(env.ciphertext_b64, 'ct');
    ct[0] ^= 1;
    const tampered = { ...env, ciphertext_b64: btoa(String.fromCharCode(...ct)) };
    await expect(decryptProject(tampered, 'p1', 2, teamKey)).rejects.toThrow(/does not authenticate/);
    await expect(decryptProject(env, 'p2', 2, teamKey)).rejects.toThrow(CryptoError);
    await expect(decryptProject(env, 'p1', 1, teamKey)).rejects.toThrow(/version 1 does not authenticate/);
    const other = await encryptProject(bytes('secret plan'), 'p1', 2, key, teamKey);
    await expect(decryptProject({ ...env, nonce_b64: other.nonce_b64 }, 'p1', 2, teamKey)).rejects.toThrow(
      CryptoError,
    );
    // the untouched envelope still opens
    expect(text((await decryptProject(env, 'p1', 2, teamKey)).plaintext)).toBe('secret plan');
  });

  it('refuses a project key wrapped by another team key', async () => {
    const { teamKey } = await created;
    const other = await createTeamKey('another-team-passphrase', PBKDF2_ITERATIONS);
    const env = await encryptProject(bytes('x'), 'p1', 1, await createProjectKey(), other.teamKey);
    await expect(decryptProject(env, 'p1', 1, teamKey)).rejects.toThrow(/wrapped with team key/);
    await expect(decryptProject({ ...env, keyId: teamKey.keyId }, 'p1', 1, teamKey)).rejects.toThrow(
      /cannot be unwrapped/,
    );
  });

  it('never repeats a nonce over 5000 encryptions with the same key', async () => {
    const { teamKey } = await created;
    const key = await createProjectKey();
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const env = await encryptProject(bytes('same plaintext'), 'p1', 1, key, teamKey);
      expect(fromBase64(env.nonce_b64, 'nonce')).toHaveLength(12);
      seen.add(env.nonce_b64);
    }
    expect(seen.size).toBe(5000);
  });

  it('puts no plaintext into the envelope', async () => {
    const { teamKey } = await created;
    const name = 'Quartier Sonnenhang Wärmepumpe';
    const env = await encryptProject(
      bytes(JSON.stringify({ name, note: name })),
      'p1',
      1,
      await createProjectKey(),
      teamKey,
    );
    const serialized = JSON.stringify(env);
    expect(serialized).not.toContain(name);
    for (const field of [env.ciphertext_b64, env.wrappedKey_b64, env.nonce_b64]) {
      const raw = fromBase64(field, 'field');
      // Byte-wise search: each byte as one character, the needle as its UTF-8 bytes.
      const latin1 = (u: Uint8Array): string => Array.from(u, (b) => String.fromCharCode(b)).join('');
      expect(latin1(raw).includes(latin1(bytes(name)))).toBe(false);
      expect(latin1(raw).includes('Sonnenhang')).toBe(false);
    }
  });
});
