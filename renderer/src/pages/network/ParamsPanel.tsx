import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultNetworkParams } from '../../../../solver/src';
import { NumberField } from '../../components/NumberField';
import { useApp } from '../../store/app';
import type { Language } from '../../i18n';
import { figure } from './format';
import type { NetworkOverrides } from './networkEdits';
import {
  hasParamOverrides,
  PARAM_FIELDS,
  resetParams,
  setParam,
  temperatureConflict,
  type NumericParam,
  type ParamConflict,
} from './paramEdits';

const DEFAULTS = defaultNetworkParams();

/** The default pipe catalogue, read-only, collapsed until opened. */
function PipeCatalogue({ language }: { language: Language }) {
  const { t } = useTranslation();
  const sources = [...new Set(DEFAULTS.pipes.map((p) => p.source))];
  return (
    <details className="network-pipe-catalogue" data-testid="network-pipe-catalogue">
      <summary>{t('network.params.pipes.title')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('network.params.pipes.dn')}</th>
            <th scope="col">{t('network.params.pipes.inner')}</th>
            <th scope="col">{t('network.params.pipes.u')}</th>
            <th scope="col">{t('network.params.pipes.cost')}</th>
          </tr>
        </thead>
        <tbody>
          {DEFAULTS.pipes.map((p) => (
            <tr key={p.dn}>
              <th scope="row">DN {p.dn}</th>
              <td>{figure(p.innerDiameter_m * 1000, language, 1)}</td>
              <td>{figure(p.heatLossCoefficient_W_mK, language, 3)}</td>
              <td>{figure(p.cost_EUR_m, language, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sources.map((s) => (
        <p key={s} className="source">
          {s}
        </p>
      ))}
    </details>
  );
}

/**
 * The network parameters: each numeric one with its value in effect (the project's override, else
 * the default), the default and its source. Editing stores an override (one undo step), an empty
 * field goes back to the default; "reset" drops every numeric override but keeps the street choices.
 */
export function ParamsPanel({
  params,
  edit,
}: {
  params: NetworkOverrides | undefined;
  edit: (change: (p: NetworkOverrides | undefined) => NetworkOverrides) => void;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const [conflict, setConflict] = useState<ParamConflict | null>(null);
  const current = (field: NumericParam) => params?.[field] ?? DEFAULTS[field];

  function commit(field: NumericParam, value: number | undefined) {
    const found = temperatureConflict(
      {
        supplyTemperature_C: current('supplyTemperature_C'),
        returnTemperature_C: current('returnTemperature_C'),
      },
      DEFAULTS,
      field,
      value,
    );
    setConflict(found);
    if (found || params?.[field] === value) return;
    edit((p) => setParam(p, field, value));
  }

  const degrees = (v: number) => `${figure(v, language, 2)} °C`;
  return (
    <section
      className="panel network-params"
      aria-labelledby="network-params-title"
      data-testid="network-params"
    >
      <h2 id="network-params-title">{t('network.params.title')}</h2>
      <div className="network-param-rows">
        {PARAM_FIELDS.map((f) => {
          const scale = f.scale ?? 1;
          const label = t(`network.params.${f.field}`);
          return (
            <div key={f.field} className="network-param" data-testid={`param-${f.field}`}>
              <NumberField
                label={label}
                unit={f.unit}
                value={current(f.field)}
                scale={scale}
                min={f.min}
                max={f.max}
                exclusiveMin={f.exclusiveMin}
                changed={params?.[f.field] !== undefined}
                hint={t('network.params.default', {
                  value: figure(DEFAULTS[f.field] * scale, language, 4),
                  unit: f.unit,
                })}
                testId={`param-input-${f.field}`}
                onCommit={(v) => commit(f.field, v)}
              />
              {conflict?.field === f.field && (
                <p className="field-error" role="alert" data-testid={`param-error-${f.field}`}>
                  {label}: {t(`network.params.${conflict.code}`, { limit: degrees(conflict.limit) })}
                </p>
              )}
              <p className="source">{DEFAULTS.sources[f.field]}</p>
            </div>
          );
        })}
      </div>
      <button
        type="button"
        disabled={!hasParamOverrides(params)}
        onClick={() => {
          setConflict(null);
          edit((p) => resetParams(p));
        }}
      >
        {t('network.params.reset')}
      </button>
      <PipeCatalogue language={language} />
    </section>
  );
}
