/**
 * Finds where a JSON pointer's value starts in a JSON text (1-based line and column), so validation
 * errors can name the place in the file. A small scanner; it assumes the text is valid JSON.
 */
export interface TextPosition {
  line: number;
  column: number;
}

export function locatePointer(text: string, pointer: string): TextPosition | undefined {
  const target =
    pointer === ''
      ? []
      : pointer
          .slice(1)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skip = (): void => {
    ws();
    const c = text[i];
    if (c === '"') return void str();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          str();
          ws();
          i++; // colon
        }
        skip();
        ws();
        if (text[i] === ',') i++;
        else return void i++;
      }
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
  };
  const find = (depth: number): number | undefined => {
    ws();
    if (depth === target.length) return i;
    const key = target[depth];
    const c = text[i];
    if (c !== '{' && c !== '[') return undefined;
    i++;
    ws();
    if (text[i] === (c === '{' ? '}' : ']')) return undefined;
    for (let index = 0; ; index++) {
      let name = String(index);
      if (c === '{') {
        ws();
        name = str();
        ws();
        i++;
      }
      if (name === key) return find(depth + 1);
      skip();
      ws();
      if (text[i] === ',') i++;
      else return undefined;
    }
  };
  const offset = find(0);
  if (offset === undefined) return undefined;
  return positionOf(text, offset);
}

export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let last = -1;
  for (let k = 0; k < offset && k < text.length; k++)
    if (text[k] === '\n') {
      line++;
      last = k;
    }
  return { line, column: offset - last };
}
