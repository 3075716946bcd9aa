import { useTranslation } from 'react-i18next';
import type { DesignedPipe } from '../../../../solver/src';
import type { Language } from '../../i18n';
import { figure } from './format';

/** The figures of the pipe under the pointer, or how to use the map while none is. */
export function PipeDetails({ pipe, language }: { pipe: DesignedPipe | null; language: Language }) {
  const { t } = useTranslation();
  if (!pipe)
    return (
      <p className="muted network-hint" data-testid="pipe-details">
        {t('network.map.hint')}
      </p>
    );
  const rows: [string, string][] = [
    [t('network.pipe.dn'), `DN ${pipe.dn}`],
    [t('network.pipe.length'), `${figure(pipe.length_m, language, 1)} m`],
    [t('network.pipe.flow'), `${figure(pipe.designFlow_kg_s, language, 2)} kg/s`],
    [t('network.pipe.velocity'), `${figure(pipe.velocity_m_s, language, 2)} m/s`],
    [t('network.pipe.gradient'), `${figure(pipe.pressureGradient_Pa_m, language, 0)} Pa/m`],
    [t('network.pipe.cost'), `${figure(pipe.cost_EUR, language, 0)} EUR`],
  ];
  return (
    <div className="network-pipe" data-testid="pipe-details" aria-live="polite">
      <h3>{t('network.pipe.title', { kind: t(`network.pipe.${pipe.kind}`), id: pipe.id })}</h3>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
