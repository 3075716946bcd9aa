import { useTranslation } from 'react-i18next';
import type { NetworkDesign, NetworkSummary } from '../../../../solver/src';
import type { Language } from '../../i18n';
import { dnTable } from './designTables';
import { figure } from './format';

/** Each figure of the summary: its label key, unit and how it is shown. */
const FIGURES: {
  field: keyof NetworkSummary;
  label: string;
  unit: string;
  digits: number;
  factor?: number;
}[] = [
  { field: 'buildings', label: 'buildings', unit: '', digits: 0 },
  { field: 'trunkLength_m', label: 'trunkLength', unit: 'm', digits: 0 },
  { field: 'connectionLength_m', label: 'connectionLength', unit: 'm', digits: 0 },
  { field: 'investment_EUR', label: 'investment', unit: 'EUR', digits: 0 },
  { field: 'heatDelivered_MWh_a', label: 'heatDelivered', unit: 'MWh/a', digits: 1 },
  { field: 'heatLoss_MWh_a', label: 'heatLoss', unit: 'MWh/a', digits: 1 },
  { field: 'heatLossShare', label: 'heatLossShare', unit: '%', digits: 1, factor: 100 },
  { field: 'pumpElectricity_MWh_a', label: 'pumpElectricity', unit: 'MWh/a', digits: 1 },
  { field: 'plantPeak_kW', label: 'plantPeak', unit: 'kW', digits: 0 },
  { field: 'linearHeatDensity_MWh_m_a', label: 'linearHeatDensity', unit: 'MWh/(m·a)', digits: 2 },
];

/** The design's figures with units, and lengths and costs per DN with their sums. */
export function SummaryPanel({ design, language }: { design: NetworkDesign; language: Language }) {
  const { t } = useTranslation();
  const rows = dnTable(design.pipes);
  const total = rows.reduce(
    (s, r) => ({
      trunk_m: s.trunk_m + r.trunk_m,
      connection_m: s.connection_m + r.connection_m,
      cost_EUR: s.cost_EUR + r.cost_EUR,
    }),
    { trunk_m: 0, connection_m: 0, cost_EUR: 0 },
  );
  return (
    <section className="panel" aria-labelledby="network-summary-title" data-testid="network-summary">
      <h2 id="network-summary-title">{t('network.summary.title')}</h2>
      <dl className="network-figures">
        {FIGURES.map((f) => (
          <div key={f.field} data-testid={`figure-${f.field}`}>
            <dt>{t(`network.summary.${f.label}`)}</dt>
            <dd>
              {figure(design.summary[f.field] * (f.factor ?? 1), language, f.digits)}
              {f.unit && ` ${f.unit}`}
            </dd>
          </div>
        ))}
      </dl>
      <table className="network-dn-table" data-testid="network-dn-table">
        <caption>{t('network.table.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('network.table.dn')}</th>
            <th scope="col">{t('network.table.trunk')}</th>
            <th scope="col">{t('network.table.connection')}</th>
            <th scope="col">{t('network.table.cost')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.dn}>
              <th scope="row">DN {r.dn}</th>
              <td>{figure(r.trunk_m, language, 0)}</td>
              <td>{figure(r.connection_m, language, 0)}</td>
              <td>{figure(r.cost_EUR, language, 0)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('network.table.total')}</th>
            <td>{figure(total.trunk_m, language, 0)}</td>
            <td>{figure(total.connection_m, language, 0)}</td>
            <td>{figure(total.cost_EUR, language, 0)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
