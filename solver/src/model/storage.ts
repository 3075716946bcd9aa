import { LinExpr, nextCyclic, previousStep, sum, term } from '../lp/expr';
import type { Carrier, ModelContext } from './context';
import { stepHours } from './timegrid';

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
  /** Variable O&M per kWh discharged (the energy leaving the storage). */
  varOm_EUR_kWh?: number;
}

/**
 * Storage balance. Full mode (one cyclic period over the year):
 *   soc[t] = (1 − loss)·soc[t−1] + ηch·ch[t] − dis[t]/ηdis,  soc[−1] = soc[T−1],  soc ≤ E,
 *   ch[t] ≤ f·P, dis[t] ≤ f·P.
 * Aggregated mode (typical days, Kotzur et al. 2018): an intra-day state s[k,h] per typical day k
 * starting at 0, its extremes smin_k ≤ s[k,h] ≤ smax_k, and an inter-day state S[d] ≥ 0 for every day
 * of the year, linked by S[d+1] = (1 − loss)^24·S[d] + s[k(d), 23] (cyclic), with
 * 0 ≤ S[d] + smin_k(d) and S[d] + smax_k(d) ≤ E.
 * With time segments a step lasts Δt hours: soc[t] = (1 − loss)^Δt·soc[t−1] + Δt·(ηch·ch[t] − dis[t]/ηdis),
 * and a day still spans 24 h in the inter-day link.
 * Variable O&M: w[t]·varOm per kW discharged, the energy leaving the storage.
 */
export function addStorage(ctx: ModelContext, spec: StorageSpec): void {
  const { techId, energyCap: E, powerCap: P, powerFactor: f } = spec;
  const b = ctx.b;
  const T = ctx.T;
  const at = (s: number) => `${techId}[${ctx.label(s)}]`;
  const ch = ctx.dispatch('charge', techId);
  const dis = ctx.dispatch('discharge', techId);
  const keep = 1 - spec.loss_per_h;
  for (let s = 0; s < T; s++) {
    // ch[t] ≤ f·P, dis[t] ≤ f·P
    b.addConstraint(`ch_max_${at(s)}`, term(ch[s]), '<=', term(P, f));
    b.addConstraint(`dis_max_${at(s)}`, term(dis[s]), '<=', term(P, f));
    ctx.cost('variableOm', techId, dis[s], ctx.grid.weight[s] * (spec.varOm_EUR_kWh ?? 0));
  }
  const full = ctx.grid.mode === 'full';
  const L = ctx.grid.periodLength;
  const soc = new Int32Array(T);
  for (let s = 0; s < T; s++) soc[s] = b.addCol(`soc_${at(s)}`, full ? 0 : -Infinity, Infinity);
  /** soc[t] = (1 − loss)^Δt·soc[t−1] + Δt·(ηch·ch[t] − dis[t]/ηdis); a typical day starts from 0. */
  const socBalance = (s: number) => {
    const prev = previousStep(s, L, full);
    const dt = stepHours(ctx.grid, s);
    const stored = prev < 0 ? new LinExpr() : term(soc[prev], keep ** dt);
    stored.plus(ch[s], dt * spec.effCharge).minus(dis[s], dt / spec.effDischarge);
    b.addConstraint(`soc_balance_${at(s)}`, term(soc[s]), '==', stored);
  };
  let interSoc: Int32Array | undefined;
  if (full) {
    for (let s = 0; s < T; s++) {
      socBalance(s);
      // soc[t] ≤ E
      b.addConstraint(`soc_max_${at(s)}`, term(soc[s]), '<=', term(E));
    }
  } else {
    const K = ctx.grid.numPeriods;
    const smax = new Int32Array(K);
    const smin = new Int32Array(K);
    for (let k = 0; k < K; k++) {
      smax[k] = b.addCol(`soc_intra_max_${techId}[p=${k}]`, 0, Infinity);
      smin[k] = b.addCol(`soc_intra_min_${techId}[p=${k}]`, -Infinity, 0);
      for (let h = 0; h < L; h++) {
        const s = k * L + h;
        socBalance(s);
        // smin_k ≤ s[k,h] ≤ smax_k
        b.addConstraint(`soc_intra_hi_${at(s)}`, term(soc[s]), '<=', term(smax[k]));
        b.addConstraint(`soc_intra_lo_${at(s)}`, term(soc[s]), '>=', term(smin[k]));
      }
    }
    const seq = ctx.grid.sequence!;
    const D = seq.length;
    interSoc = new Int32Array(D);
    for (let d = 0; d < D; d++) interSoc[d] = b.addCol(`soc_inter_${techId}[d=${d}]`, 0, Infinity);
    let dayHours = 0;
    for (let h = 0; h < L; h++) dayHours += stepHours(ctx.grid, h);
    const keepDay = Math.pow(keep, dayHours);
    for (let d = 0; d < D; d++) {
      const k = seq[d];
      const endOfDay = soc[k * L + L - 1];
      const day = `${techId}[d=${d}]`;
      // S[d+1] = (1 − loss)^24·S[d] + s[k(d), 23]
      b.addConstraint(
        `soc_link_${day}`,
        term(interSoc[nextCyclic(d, D)]),
        '==',
        term(interSoc[d], keepDay).plus(endOfDay),
      );
      // 0 ≤ S[d] + smin_k(d),  S[d] + smax_k(d) ≤ E
      b.addConstraint(`soc_inter_lo_${day}`, sum(interSoc[d], smin[k]), '>=', 0);
      b.addConstraint(`soc_inter_hi_${day}`, sum(interSoc[d], smax[k]), '<=', term(E));
    }
  }
  ctx.flow(techId, spec.carrier, 'discharge', dis, new Float64Array(T).fill(1), true);
  ctx.flow(techId, spec.carrier, 'charge', ch, new Float64Array(T).fill(-1), true);
  ctx.storages.push({ techId, carrier: spec.carrier, soc, charge: ch, discharge: dis, interSoc });
}
