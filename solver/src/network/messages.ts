import { t, type I18nLanguage } from '../i18n/index';
import type { NetworkIssue } from './types';

/** A network input issue as a sentence in the user's language (solver/src/i18n/networkInput.*.json). */
export function networkIssueText(issue: NetworkIssue, lang: I18nLanguage): string {
  const values: Record<string, string | number> = { reason: '', feature: '', id: '', ...issue.values };
  if (issue.feature !== undefined) values.feature = issue.feature;
  if (issue.id !== undefined) values.id = issue.id;
  if (issue.line !== undefined) values.line = issue.line;
  return t(lang, 'networkInput', `issues.${issue.code}`, values).trim();
}
