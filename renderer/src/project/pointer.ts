/** Reads the value at a JSON pointer; array elements may be addressed by their `id` (as setPointer). */
export function getPointer(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc;
  let node: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node) && !/^\d+$/.test(part))
      node = node.find((e) => (e as { id?: string })?.id === part);
    else node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Unit of a field from its name's suffix (price_EUR_kWh → EUR/kWh), for the diff view and labels. */
export function unitOf(pointer: string): string {
  const key = pointer.split('/').pop() ?? '';
  const units: [RegExp, string][] = [
    [/_EUR_kWhEl$/, 'EUR/kWh el'],
    [/_EUR_kWh$/, 'EUR/kWh'],
    [/_EUR_kW_a$/, 'EUR/(kW·a)'],
    [/_EUR_kW$/, 'EUR/kW'],
    [/_EUR_t$/, 'EUR/t'],
    [/_EUR_per_unit$/, 'EUR/unit'],
    [/_kg_kWh$/, 'kg/kWh'],
    [/_kWh$/, 'kWh'],
    [/_kW$/, 'kW'],
    [/_t$/, 't'],
    [/_a$/, 'a'],
    [/_C$/, '°C'],
    [/_K$/, 'K'],
    [/_per_h$/, '1/h'],
    [/(_share|Share|Rate)$/, '–'],
  ];
  return units.find(([re]) => re.test(key))?.[1] ?? '';
}

/**
 * Sets (or with `undefined` deletes) the value at a pointer, creating missing objects on the way;
 * array elements by index or id. For the base document, where optional fields may be absent.
 */
export function putPointer(doc: unknown, pointer: string, value: unknown): void {
  const parts = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = doc as Record<string, unknown>;
  const key = (n: unknown, part: string) => {
    if (!Array.isArray(n) || /^\d+$/.test(part)) return part;
    const i = n.findIndex((e) => (e as { id?: string })?.id === part);
    if (i < 0) throw new Error(`${pointer}: no element with id '${part}'`);
    return String(i);
  };
  for (let i = 0; i < parts.length - 1; i++) {
    const k = key(node, parts[i]);
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  const last = key(node, parts[parts.length - 1]);
  if (value === undefined) delete node[last];
  else node[last] = value;
}
