import { appendFileSync, mkdirSync } from 'node:fs';
import { test } from '@playwright/test';

/**
 * Records a measured figure of an end-to-end test: as an annotation of the running test (shown by
 * Playwright's reporters) and as a line in e2e/artifacts/timings.ndjson, kept with the screenshots.
 */
export function recordTiming(name: string, description: string): void {
  test.info().annotations.push({ type: 'timing', description: `${name}: ${description}` });
  mkdirSync('e2e/artifacts', { recursive: true });
  appendFileSync(
    'e2e/artifacts/timings.ndjson',
    `${JSON.stringify({ test: test.info().title, name, description, at: new Date().toISOString() })}\n`,
  );
}
