/**
 * The "straightforward formulation" of the reference hub described in shared/cases/reference-hub:
 * one variable per technology and hour, one capacity row per variable and hour, written directly
 * from parameters.json and timeseries.csv without the project format or the model's families.
 * It is the benchmark baseline and an independent cross-check of the model (2,305,264.20 EUR/a).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LpBuilder, type LpModel } from '../../solver/src/lp/model';
import { annuityFactor } from '../../solver/src/model/economics';
import type { HubParameters } from '../hubParameters';

const caseDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'cases',
  'reference-hub',
);

export function naiveHubModel(hours = 8760): LpModel {
  const p = JSON.parse(readFileSync(path.join(caseDir, 'parameters.json'), 'utf8')) as HubParameters;
  const lines = readFileSync(path.join(caseDir, 'timeseries.csv'), 'utf8').trim().split('\n').slice(1);
  const rows = lines.map((l) => l.split(';').map(Number));
  // Days spread evenly over the year for shorter horizons, each weighted to stand for the year.
  const days = hours / 24;
  const pick: number[] = [];
  for (let d = 0; d < days; d++) {
    const day = Math.floor((d * 365) / days);
    for (let h = 0; h < 24; h++) pick.push(day * 24 + h);
  }
  const w = 8760 / hours;
  const b = new LpBuilder(`naive reference hub ${hours} h`);
  const ann = (capex: number, life: number, om: number) => capex * (annuityFactor(p.interest, life) + om);
  const cap = {
    gb: b.addCol('cap_gb', 0, p.gb.max, ann(p.gb.capex, p.gb.life, p.gb.om)),
    chp: b.addCol('cap_chp', 0, p.chp.max, ann(p.chp.capex, p.chp.life, p.chp.om)),
    hp: b.addCol('cap_hp', 0, Infinity, ann(p.hp.capex, p.hp.life, p.hp.om)),
    eb: b.addCol('cap_eb', 0, Infinity, ann(p.eb.capex, p.eb.life, p.eb.om)),
    pv: b.addCol('cap_pv', 0, p.pv.max, ann(p.pv.capex, p.pv.life, p.pv.om)),
    batE: b.addCol('cap_bat_e', 0, Infinity, ann(p.bat.capexE, p.bat.life, p.bat.om)),
    batP: b.addCol('cap_bat_p', 0, Infinity, ann(p.bat.capexP, p.bat.life, p.bat.om)),
    tes: b.addCol('cap_tes', 0, Infinity, ann(p.tes.capex, p.tes.life, p.tes.om)),
    peak: b.addCol('peak_import', 0, Infinity, p.peakCharge_EUR_kW_a),
  };
  const gasCost = p.gasPrice_EUR_kWh + p.co2Gas_kg_kWh * p.co2Price_EUR_kg;
  const T = pick.length;
  const v = Array.from({ length: T }, (_, t) => {
    const [, temp, , , pvYield, spot] = rows[pick[t]];
    const cop = Math.min(
      5.5,
      Math.max(1.5, (p.hp.eta * (273.15 + p.hp.tSupply)) / (p.hp.tSupply - (temp - 5))),
    );
    return {
      cop,
      gb: b.addCol(`gb[${t}]`, 0, Infinity, (w * gasCost) / p.gb.eff),
      chp: b.addCol(`chp[${t}]`, 0, Infinity, w * (gasCost / p.chp.effEl + p.chp.vom)),
      hp: b.addCol(`hp[${t}]`, 0, Infinity),
      eb: b.addCol(`eb[${t}]`, 0, Infinity),
      pv: b.addCol(`pv[${t}]`, 0, pvYield > 0 ? Infinity : 0),
      bch: b.addCol(`bat_ch[${t}]`, 0, Infinity),
      bdis: b.addCol(`bat_dis[${t}]`, 0, Infinity),
      bsoc: b.addCol(`bat_soc[${t}]`, 0, Infinity),
      tch: b.addCol(`tes_ch[${t}]`, 0, Infinity),
      tdis: b.addCol(`tes_dis[${t}]`, 0, Infinity),
      tsoc: b.addCol(`tes_soc[${t}]`, 0, Infinity),
      imp: b.addCol(
        `imp[${t}]`,
        0,
        Infinity,
        w * (spot / 1000 + p.importAdder_EUR_kWh + p.co2Grid_kg_kWh * p.co2Price_EUR_kg),
      ),
      exp: b.addCol(`exp[${t}]`, 0, p.exportLimit_kW, -w * (spot / 1000 - p.exportFee_EUR_kWh)),
    };
  });
  for (let t = 0; t < T; t++) {
    const x = v[t];
    const prev = v[(t - 1 + T) % T];
    const [, , heat, el, pvYield] = rows[pick[t]];
    b.addRow(
      `heat[${t}]`,
      [x.gb, x.chp, x.hp, x.eb, x.tdis, x.tch],
      [1, p.chp.effTh / p.chp.effEl, 1, 1, 1, -1],
      heat,
      heat,
    );
    b.addRow(
      `el[${t}]`,
      [x.imp, x.pv, x.chp, x.bdis, x.bch, x.hp, x.eb, x.exp],
      [1, 1, 1, 1, -1, -1 / x.cop, -1 / p.eb.eff, -1],
      el,
      el,
    );
    b.addRow(`gb_cap[${t}]`, [x.gb, cap.gb], [1, -1], -Infinity, 0);
    b.addRow(`chp_cap[${t}]`, [x.chp, cap.chp], [1, -1], -Infinity, 0);
    b.addRow(`hp_cap[${t}]`, [x.hp, cap.hp], [1, -1], -Infinity, 0);
    b.addRow(`eb_cap[${t}]`, [x.eb, cap.eb], [1, -1], -Infinity, 0);
    if (pvYield > 0) b.addRow(`pv_cap[${t}]`, [x.pv, cap.pv], [1, -pvYield], -Infinity, 0);
    b.addRow(`bat_ch_cap[${t}]`, [x.bch, cap.batP], [1, -1], -Infinity, 0);
    b.addRow(`bat_dis_cap[${t}]`, [x.bdis, cap.batP], [1, -1], -Infinity, 0);
    b.addRow(`bat_soc_cap[${t}]`, [x.bsoc, cap.batE], [1, -1], -Infinity, 0);
    b.addRow(
      `bat_soc[${t}]`,
      [x.bsoc, prev.bsoc, x.bch, x.bdis],
      [1, -(1 - p.bat.loss), -p.bat.effCh, 1 / p.bat.effDis],
      0,
      0,
    );
    b.addRow(`tes_ch_cap[${t}]`, [x.tch, cap.tes], [1, -p.tes.cRate], -Infinity, 0);
    b.addRow(`tes_dis_cap[${t}]`, [x.tdis, cap.tes], [1, -p.tes.cRate], -Infinity, 0);
    b.addRow(`tes_soc_cap[${t}]`, [x.tsoc, cap.tes], [1, -1], -Infinity, 0);
    b.addRow(
      `tes_soc[${t}]`,
      [x.tsoc, prev.tsoc, x.tch, x.tdis],
      [1, -(1 - p.tes.loss), -p.tes.effCh, 1 / p.tes.effDis],
      0,
      0,
    );
    b.addRow(`peak[${t}]`, [x.imp, cap.peak], [1, -1], -Infinity, 0);
  }
  return b.build();
}
