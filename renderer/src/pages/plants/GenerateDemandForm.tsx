import { useTranslation } from 'react-i18next';
import { ELECTRICITY_PROFILES, HEAT_TYPES } from '../../project/profileTypes';
import { NumberField } from '../../components/NumberField';
import type { Which } from './generatedSeries';

/** What standard load profile to generate: heat or electricity, its type and annual energy. */
export function GenerateDemandForm({
  what,
  onWhat,
  profile,
  onProfile,
  energy,
  onEnergy,
  busy,
  onGenerate,
}: {
  what: Which;
  onWhat: (what: Which) => void;
  profile: string;
  onProfile: (profile: string) => void;
  energy: number | undefined;
  onEnergy: (energy: number | undefined) => void;
  busy: boolean;
  onGenerate: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor="gen-what">{t('planner.demands.generateWhat')}</label>
        <select
          id="gen-what"
          value={what}
          onChange={(e) => {
            const w = e.target.value as Which;
            onWhat(w);
            onProfile(w === 'heat' ? 'MFH' : 'G25');
          }}
        >
          <option value="heat">{t('planner.demands.heatSigLinDe')}</option>
          <option value="electricity">{t('planner.demands.electricityBdew')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="gen-profile">{t('planner.demands.profileType')}</label>
        <select id="gen-profile" value={profile} onChange={(e) => onProfile(e.target.value)}>
          {(what === 'heat' ? HEAT_TYPES : ELECTRICITY_PROFILES).map((p) => (
            <option key={p} value={p}>
              {t(`planner.demands.types.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <NumberField
        label={t('planner.demands.annualEnergy')}
        unit="kWh/a"
        value={energy}
        onCommit={onEnergy}
        min={0}
        exclusiveMin
        required
      />
      <button type="button" disabled={busy || !energy} onClick={onGenerate}>
        {t('planner.demands.generateButton')}
      </button>
    </div>
  );
}
