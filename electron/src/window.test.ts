import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, type BrowserWindowCtor } from './window';
import { FakeWebContents } from './testing/fakes';

describe('main window', () => {
  it('is created with secure preferences, guarded, tracked and loads the app origin', async () => {
    const created: { options: unknown; url?: string; wc: FakeWebContents; closed?: () => void }[] = [];
    const BrowserWindow = class {
      webContents = new FakeWebContents(7);
      constructor(options: unknown) {
        created.push({ options, wc: this.webContents });
      }
      async loadURL(url: string) {
        created[0].url = url;
      }
      once() {}
      on(_e: string, l: () => void) {
        created[0].closed = l;
      }
      show() {}
      focus() {}
      isMinimized() {
        return false;
      }
      restore() {}
    } as unknown as BrowserWindowCtor;
    const windowIds = new Set<number>();
    await createMainWindow({
      BrowserWindow,
      shell: { openExternal: vi.fn() },
      preloadPath: '/p.js',
      origins: new Set(['app://werkplan']),
      windowIds,
    });
    expect(created[0].url).toBe('app://werkplan/index.html');
    expect(created[0].options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(windowIds.has(7)).toBe(true);
    expect(created[0].wc.openHandler).toBeDefined();
    expect(created[0].wc.navigate('will-navigate', 'https://evil.example')).toBe(true);
    created[0].closed!();
    expect(windowIds.has(7)).toBe(false);
  });
});
