import type { PathPreview, SizingPreview, SolvePhase, SolveProgress } from '../lp/backend';
import { sizesList } from '../results/views/sizes';

const PHASES: Record<SolvePhase, string> = {
  starting: 'starting',
  buildingTypicalDays: 'building the typical-day model',
  buildingFullYear: 'building the full-year model',
  sizing: 'sizing on typical days',
  simplex: 'simplex',
  branchAndBound: 'branch and bound',
  fullYearCheck: 'full-year check',
  raisingCapacities: 'full-year check: raising capacities',
  decomposition: 'exact full-year model (decomposition over the capacities)',
  refining: 'refining the capacities over the full year',
};

/** Seconds as m:ss. */
const clockOf = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * `werkplan solve`'s status line on a terminal: `full-year check (2 of 5 periods done; 2030 on worker 1
 * for 0:09) · 0:12`, with the proven gap while branch and bound or the refinement report one below 100 %.
 */
export function solveStatusLine(p: SolveProgress): string {
  const clock = clockOf(p.elapsed_s);
  const running = (p.checks?.running ?? []).map(
    (r) => `${r.year}${r.worker ? ` on worker ${r.worker}` : ''} for ${clockOf(p.elapsed_s - r.since_s)}`,
  );
  const checks = p.checks
    ? ` (${p.checks.done} of ${p.checks.of} periods done${running.length ? `; ${running.join(', ')}` : ''})`
    : '';
  // A gap of 100 % or more says only that no useful bound is known yet.
  const gap = p.mipGap !== undefined && p.mipGap < 1 ? `, gap ${(100 * p.mipGap).toFixed(2)} %` : '';
  return `${PHASES[p.phase] ?? p.phase}${checks}${gap} · ${clock}`;
}

/**
 * The typical-day sizing as one line: `preview on typical days: 2314064.68 EUR/a; gb 6000.0 kW, …`;
 * `powerUnit` gives a plant's power unit ("kWp", "kW el"), else kW.
 */
export function previewLine(p: SizingPreview, powerUnit: (id: string) => string = () => 'kW'): string {
  const sizes = sizesList(
    p.capacities,
    (id) => id,
    (v) => v.toFixed(1),
    powerUnit,
  );
  return `preview on typical days: ${p.totalAnnualCost_EUR.toFixed(2)} EUR/a; ${sizes.join(', ')}`;
}

/** A path's preview: its net present cost, then one line per period with the plants in service. */
export function pathPreviewLines(p: PathPreview, powerUnit: (id: string) => string = () => 'kW'): string[] {
  return [
    `preview on typical days: net present cost ${p.netPresentCost_EUR.toFixed(0)} EUR`,
    ...p.periods.map(
      (q) =>
        `  ${q.year}: ${sizesList(
          q.capacities,
          (id) => id,
          (v) => v.toFixed(0),
          powerUnit,
        ).join(', ')}`,
    ),
  ];
}

/**
 * Progress of one solve on stderr, redrawn in place, only on a terminal (scripts reading stderr see
 * nothing new); `end` clears the line before the answer is printed. The typical-day sizing's
 * preview stays above the status line while the full-year check runs.
 */
export function solveStatus(write: (text: string) => void, tty: boolean, powerUnit?: (id: string) => string) {
  if (!tty) return { onProgress: undefined, end: () => undefined };
  let last: SolveProgress | undefined;
  const t0 = performance.now();
  const now = () => (performance.now() - t0) / 1000;
  const draw = () => last && write(`\r\x1b[2K${solveStatusLine({ ...last, elapsed_s: now() })}`);
  const timer = setInterval(draw, 1000);
  return {
    onProgress: (p: SolveProgress) => {
      if (p.preview) write(`\r\x1b[2K${previewLine(p.preview, powerUnit)}\n`);
      if (p.pathPreview) write(`\r\x1b[2K${pathPreviewLines(p.pathPreview, powerUnit).join('\n')}\n`);
      // The checks' start times on this clock (the run's own started a little later).
      const shift = now() - p.elapsed_s;
      last = p.checks?.running
        ? {
            ...p,
            checks: {
              ...p.checks,
              running: p.checks.running.map((r) => ({ ...r, since_s: r.since_s + shift })),
            },
          }
        : p;
      draw();
    },
    end: () => {
      clearInterval(timer);
      if (last) write('\r\x1b[2K');
    },
  };
}
