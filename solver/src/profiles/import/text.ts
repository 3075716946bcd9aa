/** Decoding of table files: UTF-8 (with or without BOM) or Windows-1252, and a binary check. */
import { formatImportMessage, importMessage, type ImportMessage, type MessageCode } from './messages';

/** A located import error: English message (CLI), and the message itself for other languages. */
export class ImportError extends Error {
  readonly detail: ImportMessage;
  constructor(
    detail: ImportMessage,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(formatImportMessage(detail));
    this.detail = detail;
    this.name = 'ImportError';
  }
}

/** Shorthand: `fail('gap', { line: 3 }, 3)` builds the located error. */
export const fail = (
  code: MessageCode,
  params: Record<string, string | number> = {},
  line?: number,
  column?: number,
) => new ImportError(importMessage(code, params), line, column);

export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  if (bytes.length === 0) throw fail('fileEmpty');
  let controls = 0;
  const sample = Math.min(bytes.length, 65536);
  for (let i = 0; i < sample; i++) {
    const b = bytes[i];
    if (b === 0) throw fail('binaryNul');
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  if (controls > sample * 0.01) throw fail('binary');
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
