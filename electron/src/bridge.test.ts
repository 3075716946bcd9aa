import { describe, expect, it, vi } from 'vitest';
import { IPC } from '../../contracts';
import { createBridge, exposeBridge } from './bridge';

describe('preload bridge', () => {
  it('exposes exactly the typed API as window.werkplan, nothing like ipcRenderer', () => {
    const exposed: Record<string, unknown> = {};
    exposeBridge({ exposeInMainWorld: (k, v) => (exposed[k] = v) }, { invoke: vi.fn() });
    expect(Object.keys(exposed)).toEqual(['werkplan']);
    const api = exposed.werkplan as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([
      'appVersion',
      'auth',
      'dataKey',
      'keyring',
      'kind',
      'openFile',
      'printToPdf',
      'saveFile',
      'secrets',
      'wipeLocalData',
    ]);
    expect(Object.isFrozen(api)).toBe(true);
    expect(api.kind).toBe('electron');
  });

  it('maps each function to its own channel with its own arguments', async () => {
    const invoke = vi.fn(async () => 'ok');
    const b = createBridge(invoke);
    await b.appVersion();
    await b.openFile({ title: 'x' });
    await b.saveFile({ suggestedName: 'a.json', data: new Uint8Array([1]) });
    await b.printToPdf({ suggestedName: 'r.pdf' });
    await b.secrets.isAvailable();
    await b.secrets.get('k');
    await b.secrets.set('k', 'v');
    await b.secrets.delete('k');
    await b.auth?.status();
    await b.auth?.settings();
    await b.auth?.configure({ authority: 'https://i', clientId: 'c', apiScope: 's', serverUrl: 'https://s' });
    await b.auth?.signIn();
    await b.auth?.signOut();
    await b.auth?.syncRequest({ method: 'GET', path: '/projects' });
    expect(invoke.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      IPC.appVersion,
      IPC.openFile,
      IPC.saveFile,
      IPC.printToPdf,
      IPC.secretAvailable,
      IPC.secretGet,
      IPC.secretSet,
      IPC.secretDelete,
      IPC.authStatus,
      IPC.authSettings,
      IPC.authConfigure,
      IPC.authSignIn,
      IPC.authSignOut,
      IPC.syncRequest,
    ]);
    expect(Object.isFrozen(b.auth)).toBe(true);
    expect(invoke.mock.calls[6]).toEqual([IPC.secretSet, 'k', 'v']);
  });
});
