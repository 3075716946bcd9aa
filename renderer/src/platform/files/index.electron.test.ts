import { describe, expect, it, vi } from 'vitest';
import type { WerkplanBridge } from '../../../../contracts';
import { files } from './index';

function fakeBridge(): WerkplanBridge {
  return {
    kind: 'electron',
    appVersion: vi.fn(async () => '9.9.9'),
    openFile: vi.fn(async () => ({ name: 'last.csv', data: new Uint8Array([1, 2]) })),
    saveFile: vi.fn(async () => ({ saved: true, name: 'p.json' })),
    printToPdf: vi.fn(async () => ({ saved: true, name: 'r.pdf' })),
    secrets: { isAvailable: vi.fn(), get: vi.fn(), set: vi.fn(), delete: vi.fn() },
  };
}

describe('files in the Electron shell', () => {
  it('is chosen when the preload bridge is present and delegates every call to it', async () => {
    const bridge = fakeBridge();
    const platform = files({ werkplan: bridge } as unknown as Window);
    expect(platform.kind).toBe('electron');
    expect(await platform.appVersion()).toBe('9.9.9');
    const opened = await platform.openFile({ filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(opened?.name).toBe('last.csv');
    expect(bridge.openFile).toHaveBeenCalledWith({ filters: [{ name: 'CSV', extensions: ['csv'] }] });
    const data = new Uint8Array([7]);
    expect(await platform.saveFile({ suggestedName: 'p.json', data })).toEqual({
      saved: true,
      name: 'p.json',
    });
    expect(bridge.saveFile).toHaveBeenCalledWith({ suggestedName: 'p.json', data });
    expect(await platform.printToPdf({ suggestedName: 'r.pdf' })).toEqual({ saved: true, name: 'r.pdf' });
  });
});
