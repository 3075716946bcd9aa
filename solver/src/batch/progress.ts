/** The terminal progress of `werkplan batch`: a bar redrawn on a TTY, plain lines otherwise. */

export interface BatchProgress {
  /** Jobs this run does (skipped ones not counted). */
  total: number;
  done: number;
  failed: number;
  running: number;
  elapsed_s: number;
}

/** m:ss, or h:mm:ss from an hour on. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * One line: `[██████░░░░░░] 12/40 · 2 running · 1 failed · 0:42, about 1:38 left`. The time left
 * assumes the remaining jobs take as long as the finished ones did on average.
 */
export function progressBar(p: BatchProgress, width = 24): string {
  const share = p.total ? p.done / p.total : 1;
  const full = Math.round(share * width);
  const parts = [`[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${p.done}/${p.total}`];
  if (p.running) parts.push(`${p.running} running`);
  if (p.failed) parts.push(`${p.failed} failed`);
  const left =
    p.done && p.done < p.total ? `, about ${clock((p.elapsed_s / p.done) * (p.total - p.done))} left` : '';
  parts.push(`${clock(p.elapsed_s)}${left}`);
  return parts.join(' · ');
}

/** A finished job as a line: `[12/40] sweep-0003 optimal: 1234 EUR/a, 12.3 t CO2/a (1.2 s)`. */
export function jobLine(
  d: {
    id: string;
    status: string;
    seconds: number;
    reasons: string[];
    totalAnnualCost_EUR?: number;
    emissions_tCO2?: number;
  },
  k: number,
  total: number,
): string {
  const figures =
    d.totalAnnualCost_EUR !== undefined && d.emissions_tCO2 !== undefined
      ? `: ${d.totalAnnualCost_EUR.toFixed(0)} EUR/a, ${d.emissions_tCO2.toFixed(1)} t CO2/a`
      : '';
  const why = d.status === 'optimal' || !d.reasons.length ? '' : ` – ${d.reasons.join('; ')}`;
  return `[${k}/${total}] ${d.id} ${d.status}${figures} (${d.seconds.toFixed(1)} s)${why}`;
}
