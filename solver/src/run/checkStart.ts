import type { BuiltModel } from '../model/build';
import { numSteps, periodOfName } from '../model/timegrid';
import type { BlockStart } from './blockStart';

/** Days per block of a check's start (run/blockStart.ts): a week. */
export const START_BLOCK_DAYS = 7;

/**
 * Where the full-year check `check` may start, estimated from the typical-day sizing `sizing` (its
 * solution `x`), for {@link solveFromBlocks}:
 * - a storage's level at the end of a day: the sizing's inter-day level at the next day's start
 *   (typical days start empty, docs/model.md), at every block end;
 * - a column without a time step (e.g. the peak grid import): the sizing's column of the same name;
 * - a row over the whole year (CO2 cap, grid import limit, renewable share): the sizing's row of the
 *   same name, each typical day's part (its terms divided by the days it stands for) summed over
 *   the days of each block; its price: the sizing's dual of that row, negated (EUR per unit of the
 *   row, as both count a whole year).
 * Undefined where the check's year is not the sizing's days (a horizon, a second year), and where it
 * has no row over the whole year: without one a cold solve is as fast (docs/solvers.md).
 */
export function checkStart(
  sizing: BuiltModel,
  solution: { x: Float64Array; rowDual?: Float64Array },
  check: BuiltModel,
): BlockStart | undefined {
  const { x, rowDual } = solution;
  const seq = sizing.grid.sequence;
  const perDay = 24 * (check.grid.stepsPerHour ?? 1);
  const steps = numSteps(check.grid);
  if (!seq || check.grid.mode !== 'full' || steps !== seq.length * perDay) return undefined;
  const blockSteps = START_BLOCK_DAYS * perDay;
  const cols: number[] = [];
  const values: number[] = [];
  const worth: number[] = [];
  const add = (col: number, value: number, w = NaN) => {
    cols.push(col);
    values.push(value);
    worth.push(w);
  };
  const sizingRow = new Map<string, number>();
  sizing.model.rowNames.forEach((name, r) => name.startsWith('soc_link_') && sizingRow.set(name, r));
  for (const storage of check.ctx.storages) {
    const inter = sizing.ctx.storages.find((s) => s.techId === storage.techId)?.interSoc;
    if (!inter) continue;
    // Every day's end: the blocks' ends are among them (a remainder joins the last block). Its worth:
    // the dual of S[d+1] = (1 − loss)^24·S[d] + s[k(d), end] (storage.ts), negated, as one more kWh
    // on that row's right side is one kWh less to store.
    for (let d = 0; d < seq.length; d++) {
      const link = sizingRow.get(`soc_link_${storage.techId}[d=${d}]`);
      const w = rowDual && link !== undefined ? -rowDual[link] : NaN;
      add(storage.soc[(d + 1) * perDay - 1], x[inter[(d + 1) % seq.length]], w);
    }
  }
  const sizingCol = new Map<string, number>();
  sizing.model.colNames.forEach((name, j) => !name.includes('[') && sizingCol.set(name, j));
  check.model.colNames.forEach((name, j) => {
    const k = name.includes('[') ? undefined : sizingCol.get(name);
    if (k !== undefined) add(j, x[k]);
  });
  const { rows, shares, prices } = annualShares(sizing, solution, check, steps, blockSteps);
  if (!rows.length) return undefined;
  return {
    steps,
    blockSteps,
    cols: Int32Array.from(cols),
    values: Float64Array.from(values),
    worth: Float64Array.from(worth),
    rows: Int32Array.from(rows),
    shares,
    prices: Float64Array.from(prices),
  };
}

/** Whether the sizing has a row over the whole year: no time step in its name, over typical periods. */
export function hasAnnualRows(sizing: BuiltModel): boolean {
  const m = sizing.model;
  return m.rowNames.some(
    (name, r) =>
      !name.includes('[') &&
      m.colIndex.subarray(m.rowStart[r], m.rowStart[r + 1]).some((j) => periodOfName(m.colNames[j]) >= 0),
  );
}

/** Each annual row's estimated part per block and its price (see {@link checkStart}). */
function annualShares(
  sizing: BuiltModel,
  { x, rowDual }: { x: Float64Array; rowDual?: Float64Array },
  check: BuiltModel,
  steps: number,
  blockSteps: number,
): { rows: number[]; shares: Float64Array[]; prices: number[] } {
  const seq = sizing.grid.sequence!;
  const perDay = steps / seq.length;
  const daysOf = new Float64Array(sizing.grid.numPeriods);
  for (const k of seq) daysOf[k]++;
  const sizingRow = new Map<string, number>();
  sizing.model.rowNames.forEach((name, r) => !name.includes('[') && sizingRow.set(name, r));
  const blocks = Math.max(1, Math.floor(steps / blockSteps + 0.5));
  const rows: number[] = [];
  const shares: Float64Array[] = [];
  const prices: number[] = [];
  check.model.rowNames.forEach((name, r) => {
    const s = name.includes('[') ? undefined : sizingRow.get(name);
    if (s === undefined) return;
    const m = sizing.model;
    const perPeriod = new Float64Array(sizing.grid.numPeriods);
    for (let k = m.rowStart[s]; k < m.rowStart[s + 1]; k++) {
      const p = periodOfName(m.colNames[m.colIndex[k]]);
      if (p >= 0 && daysOf[p] > 0) perPeriod[p] += (m.values[k] * x[m.colIndex[k]]) / daysOf[p];
    }
    const share = new Float64Array(blocks);
    for (let d = 0; d < seq.length; d++)
      share[Math.min(blocks - 1, Math.floor((d * perDay) / blockSteps))] += perPeriod[seq[d]];
    rows.push(r);
    shares.push(share);
    prices.push(rowDual ? -rowDual[s] : NaN);
  });
  return { rows, shares, prices };
}
