import type { Carrier, ModelContext } from './context';

export interface StorageSpec {
  techId: string;
  carrier: Carrier;
  energyCap: number;
  /** Charge/discharge power limits: column and factor (limit = factor · column). */
  powerCap: number;
  powerFactor: number;
  effCharge: number;
  effDischarge: number;
  /** Share of the content lost per hour. */
  loss_per_h: number;
}

/**
 * Storage balance. Full mode (one cyclic period over the year):
 *   soc[t] = (1 − loss)·soc[t−1] + ηch·ch[t] − dis[t]/ηdis,  soc[−1] = soc[T−1],  soc ≤ E,
 *   ch[t] ≤ f·P, dis[t] ≤ f·P.
 * Aggregated mode (typical days, Kotzur et al. 2018): an intra-day state s[k,h] per typical day k
 * starting at 0, its extremes smin_k ≤ s[k,h] ≤ smax_k, and an inter-day state S[d] ≥ 0 for every day
 * of the year, linked by S[d+1] = (1 − loss)^24·S[d] + s[k(d), 23] (cyclic), with
 * 0 ≤ S[d] + smin_k(d) and S[d] + smax_k(d) ≤ E.
 */
export function addStorage(ctx: ModelContext, spec: StorageSpec): void {
  const { techId, energyCap: E, powerCap: P, powerFactor: f } = spec;
  const b = ctx.b;
  const T = ctx.T;
  const ch = ctx.dispatch('charge', techId);
  const dis = ctx.dispatch('discharge', techId);
  const keep = 1 - spec.loss_per_h;
  for (let s = 0; s < T; s++) {
    b.addRow(`ch_max_${techId}[${ctx.label(s)}]`, [ch[s], P], [1, -f], -Infinity, 0);
    b.addRow(`dis_max_${techId}[${ctx.label(s)}]`, [dis[s], P], [1, -f], -Infinity, 0);
  }
  const full = ctx.grid.mode === 'full';
  const soc = new Int32Array(T);
  for (let s = 0; s < T; s++)
    soc[s] = b.addCol(`soc_${techId}[${ctx.label(s)}]`, full ? 0 : -Infinity, Infinity);
  let interSoc: Int32Array | undefined;
  if (full) {
    for (let s = 0; s < T; s++) {
      const prev = soc[(s - 1 + T) % T];
      b.addRow(
        `soc_balance_${techId}[${ctx.label(s)}]`,
        [soc[s], prev, ch[s], dis[s]],
        [1, -keep, -spec.effCharge, 1 / spec.effDischarge],
        0,
        0,
      );
      b.addRow(`soc_max_${techId}[${ctx.label(s)}]`, [soc[s], E], [1, -1], -Infinity, 0);
    }
  } else {
    const L = ctx.grid.periodLength;
    const K = ctx.grid.numPeriods;
    const smax = new Int32Array(K);
    const smin = new Int32Array(K);
    for (let k = 0; k < K; k++) {
      smax[k] = b.addCol(`soc_intra_max_${techId}[p=${k}]`, 0, Infinity);
      smin[k] = b.addCol(`soc_intra_min_${techId}[p=${k}]`, -Infinity, 0);
      for (let h = 0; h < L; h++) {
        const s = k * L + h;
        const cols = h === 0 ? [soc[s], ch[s], dis[s]] : [soc[s], soc[s - 1], ch[s], dis[s]];
        const coefs =
          h === 0
            ? [1, -spec.effCharge, 1 / spec.effDischarge]
            : [1, -keep, -spec.effCharge, 1 / spec.effDischarge];
        b.addRow(`soc_balance_${techId}[${ctx.label(s)}]`, cols, coefs, 0, 0);
        b.addRow(`soc_intra_hi_${techId}[${ctx.label(s)}]`, [soc[s], smax[k]], [1, -1], -Infinity, 0);
        b.addRow(`soc_intra_lo_${techId}[${ctx.label(s)}]`, [soc[s], smin[k]], [1, -1], 0, Infinity);
      }
    }
    const seq = ctx.grid.sequence!;
    const D = seq.length;
    interSoc = new Int32Array(D);
    for (let d = 0; d < D; d++) interSoc[d] = b.addCol(`soc_inter_${techId}[d=${d}]`, 0, Infinity);
    const keepDay = Math.pow(keep, L);
    for (let d = 0; d < D; d++) {
      const k = seq[d];
      const endOfDay = soc[k * L + L - 1];
      b.addRow(
        `soc_link_${techId}[d=${d}]`,
        [interSoc[(d + 1) % D], interSoc[d], endOfDay],
        [1, -keepDay, -1],
        0,
        0,
      );
      b.addRow(`soc_inter_lo_${techId}[d=${d}]`, [interSoc[d], smin[k]], [1, 1], 0, Infinity);
      b.addRow(`soc_inter_hi_${techId}[d=${d}]`, [interSoc[d], smax[k], E], [1, 1, -1], -Infinity, 0);
    }
  }
  ctx.flow(techId, spec.carrier, 'discharge', dis, new Float64Array(T).fill(1), true);
  ctx.flow(techId, spec.carrier, 'charge', ch, new Float64Array(T).fill(-1), true);
  ctx.storages.push({ techId, carrier: spec.carrier, soc, charge: ch, discharge: dis, interSoc });
}
