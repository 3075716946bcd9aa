import { describe, expect, it, vi } from 'vitest';
import { files } from './index';

describe('files in a browser', () => {
  it('is chosen without a bridge', () => {
    expect(files(window).kind).toBe('web');
  });

  it('opens a file through an <input type=file> when the File System Access API is missing', async () => {
    const platform = files(window);
    const click = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (
      this: HTMLInputElement,
    ) {
      const file = new File([new Uint8Array([0x61, 0x3b, 0x62])], 'last.csv');
      Object.defineProperty(this, 'files', { value: [file] });
      this.dispatchEvent(new Event('change'));
    });
    const opened = await platform.openFile({ filters: [{ name: 'CSV', extensions: ['csv', '.txt'] }] });
    expect(opened?.name).toBe('last.csv');
    expect(Array.from(opened!.data)).toEqual([0x61, 0x3b, 0x62]);
    expect(document.querySelectorAll('input[type=file]')).toHaveLength(0);
    click.mockRestore();
  });

  it('resolves null when the user cancels the input', async () => {
    const platform = files(window);
    const click = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (
      this: HTMLInputElement,
    ) {
      this.dispatchEvent(new Event('cancel'));
    });
    expect(await platform.openFile({})).toBeNull();
    click.mockRestore();
  });

  it('saves through a download link when no save picker exists', async () => {
    const platform = files(window);
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    const result = await platform.saveFile({ suggestedName: 'projekt.json', data: new Uint8Array([1]) });
    expect(result).toEqual({ saved: true, name: 'projekt.json' });
    expect(clicked).toEqual(['projekt.json']);
    click.mockRestore();
  });

  it('uses the save picker where the browser has one, and reports a cancel as not saved', async () => {
    const written: unknown[] = [];
    const win = Object.create(window) as Window & { showSaveFilePicker: unknown };
    win.showSaveFilePicker = vi.fn(async () => ({
      name: 'gewählt.json',
      createWritable: async () => ({
        write: async (d: unknown) => void written.push(d),
        close: async () => undefined,
      }),
    }));
    const platform = files(win);
    expect(await platform.saveFile({ suggestedName: 'p.json', data: new Uint8Array([5]) })).toEqual({
      saved: true,
      name: 'gewählt.json',
    });
    expect(written).toHaveLength(1);
    win.showSaveFilePicker = vi.fn(async () => {
      throw new DOMException('cancelled', 'AbortError');
    });
    expect(await files(win).saveFile({ suggestedName: 'p.json', data: new Uint8Array([5]) })).toEqual({
      saved: false,
    });
  });
});
