import { describe, expect, it, vi } from 'vitest';
import type { WerkplanBridge } from '../../../../contracts';
import { secrets } from './index';

describe('secrets', () => {
  it('delegates to the shell keychain in Electron', async () => {
    const store = new Map<string, string>();
    const bridge = {
      kind: 'electron',
      secrets: {
        isAvailable: vi.fn(async () => true),
        get: vi.fn(async (k: string) => store.get(k) ?? null),
        set: vi.fn(async (k: string, v: string) => void store.set(k, v)),
        delete: vi.fn(async (k: string) => void store.delete(k)),
      },
    } as unknown as WerkplanBridge;
    const s = secrets({ werkplan: bridge } as unknown as Window);
    expect(s.kind).toBe('electron');
    expect(await s.isAvailable()).toBe(true);
    await s.set('sync.refresh', 'token');
    expect(await s.get('sync.refresh')).toBe('token');
    await s.delete('sync.refresh');
    expect(await s.get('sync.refresh')).toBeNull();
  });

  it('refuses to store secrets in a browser rather than keeping them in plain text', async () => {
    const s = secrets(window);
    expect(s.kind).toBe('web');
    expect(await s.isAvailable()).toBe(false);
    await expect(s.set('k', 'v')).rejects.toThrow(/not available in the browser/);
    expect(await s.get('k')).toBeNull();
    expect(localStorage.length).toBe(0);
  });
});
