import { useTranslation } from 'react-i18next';
import { networkIssueText, type NetworkIssue } from '../../../../solver/src';
import type { Language } from '../../i18n';

/** Issues as sentences in the user's language, errors first. */
export function IssueItems({ issues, language }: { issues: readonly NetworkIssue[]; language: Language }) {
  if (!issues.length) return null;
  const sorted = [...issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <ul className="network-issues">
      {sorted.map((issue, i) => (
        <li key={i} className={issue.severity === 'error' ? 'error' : 'warning'}>
          {networkIssueText(issue, language)}
        </li>
      ))}
    </ul>
  );
}

/** The notes on the project's network data and on its design, errors and warnings apart. */
export function IssueList({ issues, language }: { issues: readonly NetworkIssue[]; language: Language }) {
  const { t } = useTranslation();
  if (!issues.length) return null;
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity !== 'error');
  return (
    <section
      className={`panel ${errors.length ? 'problems' : 'problems todo'}`}
      aria-labelledby="network-issues-title"
      data-testid="network-issues"
    >
      <h2 id="network-issues-title">{t('network.issues.title')}</h2>
      {errors.length > 0 && (
        <>
          <h3>{t('network.issues.errors')}</h3>
          <IssueItems issues={errors} language={language} />
        </>
      )}
      {warnings.length > 0 && (
        <>
          <h3>{t('network.issues.warnings')}</h3>
          <IssueItems issues={warnings} language={language} />
        </>
      )}
    </section>
  );
}
