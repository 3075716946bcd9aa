import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeSeriesRecord } from '../../db/schema';
import { formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import { createStandIn, energyAndPeak, type EnergyPeak } from './standIn';

interface Made {
  name: string;
  original: EnergyPeak;
  standIn: EnergyPeak;
}

/** Original and stand-in side by side: annual energy and peak, which the stand-in keeps. */
function Comparison({ made, original }: { made: Made; original: string }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const row = (label: string, v: EnergyPeak, testId: string) => (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td>{formatNumber(v.energy_MWh, language, 3)}</td>
      <td>{formatNumber(v.peak_kW, language, 1)}</td>
    </tr>
  );
  return (
    <div data-testid="standin-result">
      <p>{t('profiles.standIn.made', { name: made.name })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('profiles.standIn.series')}</th>
            <th scope="col">{t('profiles.standIn.energy')}</th>
            <th scope="col">{t('profiles.standIn.peak')}</th>
          </tr>
        </thead>
        <tbody>
          {row(original, made.original, 'standin-original')}
          {row(made.name, made.standIn, 'standin-standin')}
        </tbody>
      </table>
    </div>
  );
}

/** "Create stand-in profile" on a saved load series: a new series that can be shared in its place. */
export function StandInAction({ r }: { r: TimeSeriesRecord }) {
  const { t } = useTranslation();
  const [made, setMade] = useState<Made | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      const name = t('profiles.standIn.name', { name: r.name });
      const rec = await createStandIn(r, name, t('profiles.standIn.source', { name: r.name }));
      setMade({
        name,
        original: energyAndPeak(r.values, r.resolution_min),
        standIn: energyAndPeak(rec.values, rec.resolution_min),
      });
    } catch (e) {
      const msg = e instanceof Error ? e.message : '';
      setError(t(/fill the gaps/.test(msg) ? 'profiles.standIn.gaps' : 'profiles.standIn.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" disabled={busy} title={t('profiles.standIn.hint')} onClick={() => void make()}>
        {t('profiles.standIn.create')}
      </button>
      {(made || error) && (
        <div className="standin">
          <p className="muted">{t('profiles.standIn.hint')}</p>
          {made && <Comparison made={made} original={r.name} />}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </>
  );
}
