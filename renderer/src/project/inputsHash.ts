import type { Project } from '../../../solver/src';

/** JSON with object keys sorted at every level, so equal inputs give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    }
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    return v;
  });
}

/**
 * SHA-256 (hex) of everything a solver run depends on: the whole project document with its time
 * series, the scenario and the run options. A stored result whose hash differs is stale.
 */
export async function inputsHash(
  project: Project,
  scenarioId: string,
  options: object = {},
): Promise<string> {
  const text = canonicalJson({ project, scenarioId, options });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
