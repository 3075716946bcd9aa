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
