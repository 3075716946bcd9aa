import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Technology, TechnologyType } from '../../../../solver/src/project/types';
import { catalogue, addFromCatalogue } from '../../project/catalogue';
import { useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { CheckField, PField, SelectField, TextField, useEditor } from './editor';

/** Capacity unit of each technology type (what capex, min, max and existing are per). */
export const CAPACITY_UNIT: Record<TechnologyType, string> = {
  boiler: 'kW',
  electricBoiler: 'kW',
  chp: 'kW el',
  heatPump: 'kW',
  pv: 'kWp',
  solarThermal: 'm²',
  battery: 'kWh',
  heatStorage: 'kWh',
  heatDump: 'kW',
};

export function SiteSection() {
  const { t } = useTranslation();
  return (
    <fieldset className="panel form-grid">
      <legend>{t('planner.site.title')}</legend>
      <TextField ptr="/name" label={t('planner.site.name')} required />
      <PField
        ptr="/site/year"
        label={t('planner.site.year')}
        integer
        min={2000}
        max={2100}
        required
        testId="site-year"
      />
      <TextField ptr="/site/location" label={t('planner.site.location')} />
    </fieldset>
  );
}

export function EconomicsSection() {
  const { t } = useTranslation();
  return (
    <fieldset className="panel form-grid">
      <legend>{t('planner.economics.title')}</legend>
      <PField
        ptr="/economics/interestRate"
        label={t('planner.economics.interestRate')}
        unit="%"
        scale={100}
        min={0}
        max={30}
        required
      />
      <PField
        ptr="/economics/co2Price_EUR_t"
        label={t('planner.economics.co2Price')}
        unit="EUR/t"
        min={0}
        max={2000}
        required
        testId="co2-price"
      />
    </fieldset>
  );
}

export function ConstraintsSection() {
  const { t } = useTranslation();
  return (
    <fieldset className="panel form-grid">
      <legend>{t('planner.constraints.title')}</legend>
      <PField
        ptr="/constraints/co2Cap_t"
        label={t('planner.constraints.co2Cap')}
        unit="t/a"
        min={0}
        hint={t('planner.constraints.emptyNoLimit')}
      />
      <PField
        ptr="/constraints/minRenewableHeatShare"
        label={t('planner.constraints.minRenewable')}
        unit="%"
        scale={100}
        min={0}
        max={100}
        hint={t('planner.constraints.emptyNoLimit')}
      />
      <PField
        ptr="/constraints/maxGridImport_kWh"
        label={t('planner.constraints.maxGridImport')}
        unit="kWh/a"
        min={0}
        hint={t('planner.constraints.emptyNoLimit')}
      />
    </fieldset>
  );
}

/** A price: constant, or an hourly series × scale + adder. */
function PriceField({ ptr, label }: { ptr: string; label: string }) {
  const { t } = useTranslation();
  const ed = useEditor();
  const v = ed.get(ptr);
  // Price series (unit EUR/…) first, so the default is never a temperature or a yield series.
  const isPrice = (k: string) => /^EUR\//.test(ed.doc.timeSeries[k]?.unit ?? '');
  const seriesKeys = Object.keys(ed.doc.timeSeries)
    .filter((k) => !Object.values(ed.doc.demands).includes(k))
    .sort((a, b) => Number(isPrice(b)) - Number(isPrice(a)));
  const isSeries = typeof v === 'object' && v !== null;
  return (
    <div className="price-field">
      {ed.variantId === null && (
        <div className="field">
          <label htmlFor={`${ptr}-kind`}>{t('planner.prices.kind', { what: label })}</label>
          <select
            id={`${ptr}-kind`}
            value={isSeries ? 'series' : 'constant'}
            onChange={(e) => {
              if (e.target.value === 'constant') void ed.set(ptr, 0);
              else if (seriesKeys[0])
                // Series in EUR/MWh (exchange prices) need × 0.001 for EUR/kWh; series in EUR/kWh none.
                void ed.set(ptr, {
                  series: seriesKeys[0],
                  scale: ed.doc.timeSeries[seriesKeys[0]]?.unit === 'EUR/kWh' ? 1 : 0.001,
                  adder: 0,
                });
            }}
          >
            <option value="constant">{t('planner.prices.constant')}</option>
            <option value="series" disabled={seriesKeys.length === 0}>
              {t('planner.prices.series')}
            </option>
          </select>
        </div>
      )}
      {isSeries ? (
        <>
          <SelectField
            ptr={`${ptr}/series`}
            label={t('planner.prices.seriesKey')}
            options={seriesKeys.map((k) => ({ value: k, label: k }))}
          />
          <PField
            ptr={`${ptr}/scale`}
            label={t('planner.prices.scale')}
            hint={t('planner.prices.scaleHint')}
          />
          <PField ptr={`${ptr}/adder`} label={t('planner.prices.adder')} unit="EUR/kWh" />
        </>
      ) : (
        <PField ptr={ptr} label={label} unit="EUR/kWh" min={-10} max={10} required testId={`price-${ptr}`} />
      )}
    </div>
  );
}

export function PricesSection() {
  const { t } = useTranslation();
  const ed = useEditor();
  const language = useApp((s) => s.language);
  const edit = useProject((s) => s.edit);
  const fuels = Object.keys(ed.doc.fuels);
  const missing = catalogue.fuels.filter((f) => !fuels.includes(f.key));
  const grid = ed.doc.grid;
  return (
    <fieldset className="panel">
      <legend>{t('planner.prices.title')}</legend>
      {fuels.length === 0 && <p className="empty">{t('planner.prices.noFuels')}</p>}
      {fuels.map((f) => (
        <fieldset key={f} className="sub form-grid" aria-label={t('planner.prices.fuel', { fuel: f })}>
          <legend>{t('planner.prices.fuel', { fuel: f })}</legend>
          <PriceField ptr={`/fuels/${f}/price_EUR_kWh`} label={t('planner.prices.fuelPrice', { fuel: f })} />
          <PField
            ptr={`/fuels/${f}/co2_kg_kWh`}
            label={t('planner.prices.co2Factor')}
            unit="kg/kWh"
            min={0}
            max={1}
            required
          />
          <CheckField ptr={`/fuels/${f}/renewable`} label={t('planner.prices.renewable')} />
        </fieldset>
      ))}
      {ed.variantId === null && missing.length > 0 && (
        <div className="field-row">
          {missing.map((f) => (
            <button
              key={f.key}
              type="button"
              onClick={() =>
                void edit((d) => {
                  d.fuels[f.key] = structuredClone(f.defaults);
                })
              }
            >
              {t('planner.prices.addFuel', { fuel: f.name[language] })}
            </button>
          ))}
        </div>
      )}
      <fieldset className="sub form-grid">
        <legend>{t('planner.prices.gridImport')}</legend>
        {grid.import ? (
          <>
            <PriceField ptr="/grid/import/price_EUR_kWh" label={t('planner.prices.importPrice')} />
            <PField
              ptr="/grid/import/co2_kg_kWh"
              label={t('planner.prices.co2Factor')}
              unit="kg/kWh"
              min={0}
              max={2}
              required
            />
            <PField
              ptr="/grid/import/peakCharge_EUR_kW_a"
              label={t('planner.prices.peakCharge')}
              unit="EUR/(kW·a)"
              min={0}
            />
            <PField
              ptr="/grid/import/connectionLimit_kW"
              label={t('planner.prices.connectionLimit')}
              unit="kW"
              min={0}
            />
            <PField
              ptr="/grid/import/renewableShare"
              label={t('planner.prices.renewableShare')}
              unit="%"
              scale={100}
              min={0}
              max={100}
            />
          </>
        ) : (
          ed.variantId === null && (
            <button
              type="button"
              onClick={() => void ed.set('/grid/import', { price_EUR_kWh: 0.25, co2_kg_kWh: 0.38 })}
            >
              {t('planner.prices.addImport')}
            </button>
          )
        )}
      </fieldset>
      <fieldset className="sub form-grid">
        <legend>{t('planner.prices.gridExport')}</legend>
        {grid.export ? (
          <>
            <PriceField ptr="/grid/export/price_EUR_kWh" label={t('planner.prices.feedIn')} />
            <PField ptr="/grid/export/limit_kW" label={t('planner.prices.exportLimit')} unit="kW" min={0} />
          </>
        ) : (
          ed.variantId === null && (
            <button type="button" onClick={() => void ed.set('/grid/export', { price_EUR_kWh: 0.07 })}>
              {t('planner.prices.addExport')}
            </button>
          )
        )}
      </fieldset>
    </fieldset>
  );
}

const pct = { unit: '%', scale: 100 } as const;

function TechFields({ tech }: { tech: Technology }) {
  const { t } = useTranslation();
  const ed = useEditor();
  const p = (k: string) => `/technologies/${tech.id}/${k}`;
  const cu = CAPACITY_UNIT[tech.type];
  const fuels = Object.keys(ed.doc.fuels).map((f) => ({ value: f, label: f }));
  const yields = Object.keys(ed.doc.timeSeries).map((k) => ({ value: k, label: k }));
  const L = (k: string) => t(`planner.tech.fields.${k}`);
  return (
    <div className="form-grid">
      <TextField ptr={p('name')} label={L('name')} />
      <PField
        ptr={p('capex_EUR_per_unit')}
        label={L('capex')}
        unit={`EUR/${cu}`}
        min={0}
        required
        testId={`${tech.id}-capex`}
      />
      <PField ptr={p('lifetime_a')} label={L('lifetime')} unit="a" min={1} max={100} required />
      <PField ptr={p('fixedOm_share')} label={L('fixedOm')} {...pct} min={0} max={100} required />
      <PField ptr={p('varOm_EUR_kWh')} label={L('varOm')} unit="EUR/kWh" min={0} />
      <PField
        ptr={p('subsidy_share')}
        label={L('subsidy')}
        {...pct}
        min={0}
        max={100}
        hint={t('planner.tech.subsidyHint')}
      />
      <PField ptr={p('min')} label={L('min')} unit={cu} min={0} />
      <PField ptr={p('max')} label={L('max')} unit={cu} min={0} testId={`${tech.id}-max`} />
      <PField ptr={p('existing')} label={L('existing')} unit={cu} min={0} />
      {(tech.type === 'boiler' || tech.type === 'chp') && (
        <SelectField ptr={p('fuel')} label={L('fuel')} options={fuels} />
      )}
      {(tech.type === 'boiler' || tech.type === 'electricBoiler') && (
        <PField
          ptr={p('efficiency')}
          label={L('efficiency')}
          {...pct}
          min={0}
          exclusiveMin
          max={100}
          required
        />
      )}
      {tech.type === 'chp' && (
        <>
          <PField
            ptr={p('efficiencyEl')}
            label={L('efficiencyEl')}
            {...pct}
            min={0}
            exclusiveMin
            max={100}
            required
          />
          <PField
            ptr={p('efficiencyTh')}
            label={L('efficiencyTh')}
            {...pct}
            min={0}
            exclusiveMin
            max={100}
            required
          />
          <PField ptr={p('minLoad_share')} label={L('minLoad')} {...pct} min={0} max={100} />
          <PField ptr={p('bonus_EUR_kWhEl')} label={L('bonus')} unit="EUR/kWh el" min={0} />
        </>
      )}
      {tech.type === 'heatPump' && (
        <>
          <SelectField
            ptr={p('heatSource')}
            label={L('heatSource')}
            options={[
              { value: 'air', label: t('planner.tech.air') },
              { value: 'ground', label: t('planner.tech.ground') },
            ]}
          />
          <PField
            ptr={p('carnotEfficiency')}
            label={L('carnot')}
            {...pct}
            min={0}
            exclusiveMin
            max={100}
            required
          />
          <PField ptr={p('supplyTemp_C')} label={L('supplyTemp')} unit="°C" min={20} max={120} required />
          <PField ptr={p('sourceDelta_K')} label={L('sourceDelta')} unit="K" min={0} max={30} required />
          {tech.heatSource === 'ground' && (
            <PField ptr={p('groundTemp_C')} label={L('groundTemp')} unit="°C" min={-10} max={40} />
          )}
          <PField ptr={p('copMin')} label={L('copMin')} min={1} required />
          <PField ptr={p('copMax')} label={L('copMax')} min={1} max={20} required />
        </>
      )}
      {(tech.type === 'pv' || tech.type === 'solarThermal') && (
        <>
          <SelectField ptr={p('yieldSeries')} label={L('yieldSeries')} options={yields} />
          <CheckField ptr={p('curtailable')} label={L('curtailable')} />
        </>
      )}
      {(tech.type === 'battery' || tech.type === 'heatStorage') && (
        <>
          <PField
            ptr={p('efficiencyCharge')}
            label={L('efficiencyCharge')}
            {...pct}
            min={0}
            exclusiveMin
            max={100}
            required
          />
          <PField
            ptr={p('efficiencyDischarge')}
            label={L('efficiencyDischarge')}
            {...pct}
            min={0}
            exclusiveMin
            max={100}
            required
          />
        </>
      )}
      {tech.type === 'battery' && (
        <>
          <PField ptr={p('capexPower_EUR_kW')} label={L('capexPower')} unit="EUR/kW" min={0} required />
          <PField
            ptr={p('selfDischarge_per_h')}
            label={L('selfDischarge')}
            unit="%/h"
            scale={100}
            min={0}
            max={100}
            required
          />
          <PField ptr={p('maxPower_kW')} label={L('maxPower')} unit="kW" min={0} />
        </>
      )}
      {tech.type === 'heatStorage' && (
        <>
          <PField ptr={p('loss_per_h')} label={L('loss')} unit="%/h" scale={100} min={0} max={100} required />
          <PField ptr={p('cRate_per_h')} label={L('cRate')} unit="1/h" min={0} exclusiveMin required />
        </>
      )}
      {tech.source && (
        <p className="source">
          {t('planner.tech.source')}: {tech.source}
        </p>
      )}
    </div>
  );
}

export function TechnologiesSection() {
  const { t } = useTranslation();
  const ed = useEditor();
  const language = useApp((s) => s.language);
  const edit = useProject((s) => s.edit);
  const [entryKey, setEntryKey] = useState(catalogue.entries[0].key);
  const [yieldKey, setYieldKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const entry = catalogue.entries.find((e) => e.key === entryKey)!;
  const seriesKeys = Object.keys(ed.doc.timeSeries);

  async function add() {
    try {
      setError(null);
      await edit((d) => {
        addFromCatalogue(d, entry, language, entry.needsSeries ? yieldKey || undefined : undefined);
      });
    } catch {
      setError(t('planner.tech.needsYield'));
    }
  }

  return (
    <fieldset className="panel">
      <legend>{t('planner.tech.title')}</legend>
      {ed.variantId === null && (
        <div className="catalogue">
          <div className="field">
            <label htmlFor="catalogue-entry">{t('planner.tech.catalogue')}</label>
            <select id="catalogue-entry" value={entryKey} onChange={(e) => setEntryKey(e.target.value)}>
              {catalogue.entries.map((e) => (
                <option key={e.key} value={e.key}>
                  {e.name[language]}
                </option>
              ))}
            </select>
          </div>
          {entry.needsSeries && (
            <div className="field">
              <label htmlFor="catalogue-yield">{t('planner.tech.yieldSeries', { unit: entry.unit })}</label>
              <select id="catalogue-yield" value={yieldKey} onChange={(e) => setYieldKey(e.target.value)}>
                <option value="">{t('planner.none')}</option>
                {seriesKeys.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="button" onClick={() => void add()}>
            {t('planner.tech.add')}
          </button>
          <p className="source">
            {t('planner.tech.defaultsFrom')}:{' '}
            {entry.source.assumption ? t('planner.tech.assumption') : entry.source.document} (
            {entry.source.year})
          </p>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
      {ed.doc.technologies.length === 0 && <p className="empty">{t('planner.tech.empty')}</p>}
      {ed.doc.technologies.map((tech) => (
        <fieldset key={tech.id} className="sub tech" data-testid={`tech-${tech.id}`}>
          <legend>
            {tech.name ?? tech.id}{' '}
            <span className="muted">
              ({t(`planner.tech.types.${tech.type}`)}, id {tech.id})
            </span>
          </legend>
          <TechFields tech={tech} />
          {ed.variantId === null && (
            <button
              type="button"
              className="danger"
              onClick={() =>
                void edit((d) => {
                  d.technologies = d.technologies.filter((x) => x.id !== tech.id);
                })
              }
            >
              {t('planner.tech.remove', { name: tech.name ?? tech.id })}
            </button>
          )}
        </fieldset>
      ))}
    </fieldset>
  );
}
