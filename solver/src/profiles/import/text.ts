/** Decoding of table files: UTF-8 (with or without BOM) or Windows-1252, and a binary check. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  if (bytes.length === 0) throw new ImportError('the file is empty');
  let controls = 0;
  const sample = Math.min(bytes.length, 65536);
  for (let i = 0; i < sample; i++) {
    const b = bytes[i];
    if (b === 0)
      throw new ImportError(
        'the file is binary (it contains NUL bytes), not a text table; for Excel files use .xlsx',
      );
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  if (controls > sample * 0.01) throw new ImportError('the file is binary, not a text table');
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes),
      encoding: 'utf-8',
    };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
