import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Technology } from '../../../../solver/src';
import { catalogue, addFromCatalogue, catalogueSourceIn } from '../../project/catalogue';
import { useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { CheckField, PField, SelectField, TextField, useEditor } from './editor';
import { fieldsOf, fieldUnit } from '../../project/techFields';
import { seriesOptions } from '../../project/seriesActions';
import { ProjectYearEditor } from '../profiles/ProjectYear';
import { useSeriesRecords } from '../profiles/useSeries';
import { fuelName } from '../scenarios/labels';
import { WeatherPanel } from './WeatherPanel';
import { TimeStepField } from './TimeStepField';
import { lastYearInService } from './pathEdit';

export function SiteSection() {
  const { t } = useTranslation();
  return (
    <fieldset className="panel form-grid">
      <legend>{t('planner.site.title')}</legend>
      <TextField ptr="/name" label={t('planner.site.name')} required />
      <ProjectYearEditor>
        <PField
          ptr="/site/year"
          label={t('planner.site.year')}
          integer
          min={2000}
          max={2100}
          required
          grouping={false}
          testId="site-year"
        />
      </ProjectYearEditor>
      <TextField ptr="/site/location" label={t('planner.site.location')} />
      <PField
        ptr="/site/latitude_deg"
        label={t('planner.site.latitude')}
        unit="°"
        min={-90}
        max={90}
        testId="site-latitude"
      />
      <PField
        ptr="/site/longitude_deg"
        label={t('planner.site.longitude')}
        unit="°"
        min={-180}
        max={180}
        testId="site-longitude"
      />
      <TimeStepField />
      <WeatherPanel />
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
  // a price picks from price series only (never a load, a temperature or a yield)
  const priceOptions = seriesOptions(ed.doc, useSeriesRecords(), 'price');
  const seriesKeys = priceOptions.map((o) => o.value).filter(isPrice);
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
          <SelectField ptr={`${ptr}/series`} label={t('planner.prices.seriesKey')} options={priceOptions} />
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
        <fieldset
          key={f}
          className="sub form-grid"
          aria-label={t('planner.prices.fuel', { fuel: fuelName(t, f) })}
        >
          <legend>{t('planner.prices.fuel', { fuel: fuelName(t, f) })}</legend>
          <PriceField
            ptr={`/fuels/${f}/price_EUR_kWh`}
            label={t('planner.prices.fuelPrice', { fuel: fuelName(t, f) })}
          />
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

/** Below the commissioning year of existing capacity: that it retires, and when (transformation path). */
export function retiresHint(
  t: (key: string, args?: Record<string, unknown>) => string,
  tech: Technology,
): string {
  return tech.commissioned_year === undefined
    ? t('planner.path.commissionedHint')
    : t('planner.path.retires', { year: lastYearInService(tech.commissioned_year, tech.lifetime_a) });
}

function TechFields({ tech }: { tech: Technology }) {
  const { t } = useTranslation();
  const ed = useEditor();
  const language = useApp((s) => s.language);
  const fuels = Object.keys(ed.doc.fuels).map((f) => ({ value: f, label: fuelName(t, f) }));
  // a yield picks from yield series only, named as the user named them
  const yields = seriesOptions(ed.doc, useSeriesRecords(), 'yield');
  const heatSources = [
    { value: 'air', label: t('planner.tech.air') },
    { value: 'ground', label: t('planner.tech.ground') },
    { value: 'groundwater', label: t('planner.tech.groundwater') },
    { value: 'wastewater', label: t('planner.tech.wastewater') },
    { value: 'river', label: t('planner.tech.river') },
  ];
  // absent supplyMode is 'fixed', the first option
  const supplyModes = [
    { value: 'fixed', label: t('planner.tech.supplyFixed') },
    { value: 'curve', label: t('planner.tech.supplyCurve') },
  ];
  const optionsOf = { fuel: fuels, yieldSeries: yields, heatSource: heatSources, supplyMode: supplyModes };
  return (
    <div className="form-grid">
      {fieldsOf(tech).map((f) => {
        const ptr = `/technologies/${tech.id}/${f.key}`;
        const label = t(`planner.tech.fields.${f.label}`);
        switch (f.kind) {
          case 'text':
            return <TextField key={f.key} ptr={ptr} label={label} required={f.required} />;
          case 'check':
            return <CheckField key={f.key} ptr={ptr} label={label} />;
          case 'fuel':
          case 'yieldSeries':
          case 'heatSource':
          case 'supplyMode':
            return <SelectField key={f.key} ptr={ptr} label={label} options={optionsOf[f.kind]} />;
          case 'number':
            return (
              <PField
                key={f.key}
                ptr={ptr}
                label={label}
                unit={fieldUnit(f, tech.type) || undefined}
                scale={f.scale}
                min={f.min}
                max={f.max}
                exclusiveMin={f.exclusiveMin}
                required={f.required}
                hint={f.hint ? t(f.hint) : f.key === 'commissioned_year' ? retiresHint(t, tech) : undefined}
                grouping={f.key === 'commissioned_year' ? false : undefined}
                testId={f.testId ? `${tech.id}-${f.testId}` : undefined}
              />
            );
        }
      })}
      {tech.source && (
        <p className="source">
          {t('planner.tech.source')}: {catalogueSourceIn(tech.source, language)}
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
  const yieldOptions = seriesOptions(ed.doc, useSeriesRecords(), 'yield', `kWh/${entry.unit}`);
  // exactly one yield series of the right unit: preselected
  const yieldChoice = yieldKey || (yieldOptions.length === 1 ? yieldOptions[0].value : '');

  async function add() {
    try {
      setError(null);
      await edit((d) => {
        addFromCatalogue(d, entry, language, entry.needsSeries ? yieldChoice || undefined : undefined);
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
              <select id="catalogue-yield" value={yieldChoice} onChange={(e) => setYieldKey(e.target.value)}>
                <option value="">{t('planner.none')}</option>
                {yieldOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
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
          <legend title={tech.id}>
            {tech.name ?? tech.id} <span className="muted">({t(`planner.tech.types.${tech.type}`)})</span>
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
