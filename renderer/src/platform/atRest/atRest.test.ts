import { describe, expect, it, vi } from 'vitest';
import type { DataKeyResponse, WerkplanBridge } from '../../../../contracts';
import { atRest } from './index';

const withKey = (r: DataKeyResponse) =>
  ({
    werkplan: { kind: 'electron', dataKey: vi.fn(async () => r) } as unknown as WerkplanBridge,
  }) as unknown as Window;

describe('at-rest key platform', () => {
  it('imports the shell key as a non-extractable AES-GCM key and overwrites the raw bytes', async () => {
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const copy = new Uint8Array(raw);
    const setup = await atRest(withKey({ status: 'ok', key: raw })).load();
    expect(setup.status).toEqual({ mode: 'encrypted' });
    if (setup.state.mode !== 'key') throw new Error('expected a key');
    expect(setup.state.key.extractable).toBe(false);
    expect(setup.state.key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', setup.state.key)).rejects.toThrow();
    expect(raw.every((b) => b === 0)).toBe(true);
    // The key is the shell's: what it seals, the same bytes open.
    const same = await crypto.subtle.importKey('raw', copy, 'AES-GCM', false, ['decrypt']);
    const iv = new Uint8Array(12);
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, setup.state.key, new Uint8Array([7]));
    expect(new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, same, ct))).toEqual(
      new Uint8Array([7]),
    );
  });

  it('reports unencrypted storage with its reason: browser build, desktop without keyring', async () => {
    expect(await atRest(window).load()).toEqual({
      status: { mode: 'unencrypted', reason: 'browser' },
      state: { mode: 'plain' },
    });
    expect((await atRest(withKey({ status: 'unprotected', reason: 'basicText' })).load()).status).toEqual({
      mode: 'unencrypted',
      reason: 'basicText',
    });
  });

  it('a stored key that cannot be unlocked locks the data instead of starting unencrypted', async () => {
    expect(await atRest(withKey({ status: 'locked', reason: 'keyUnreadable' })).load()).toEqual({
      status: { mode: 'locked', reason: 'keyUnreadable' },
      state: { mode: 'locked', reason: 'keyUnreadable' },
    });
  });
});
