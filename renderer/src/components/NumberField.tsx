import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/app';
import { checkNumber, inputText, type NumberRule, type RuleError } from '../project/numbers';

export interface NumberFieldProps extends NumberRule {
  label: string;
  unit?: string;
  /** The stored value (in stored units). */
  value: number | undefined;
  /** Display = stored × scale (e.g. 100 for shares shown in %). */
  scale?: number;
  /** Called with a valid value in stored units (undefined: cleared) on Enter or leaving the field. */
  onCommit(value: number | undefined): void;
  hint?: string;
  /** Marks a value that differs from the base (variant editing). */
  changed?: boolean;
  testId?: string;
}

export function useRuleText(): (e: RuleError) => string {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  return (e) =>
    t(`planner.field.${e.code}`, {
      limit: 'limit' in e ? inputText(e.limit, language) : undefined,
    });
}

/**
 * A number input in the user's language (German: decimal comma), label with unit, and the
 * validation message next to the field (aria-invalid, aria-describedby). Invalid input is not
 * committed; the last valid value stays stored.
 */
export function NumberField(p: NumberFieldProps) {
  const language = useApp((s) => s.language);
  const ruleText = useRuleText();
  const id = useId();
  const scale = p.scale ?? 1;
  const shown = p.value === undefined ? undefined : round(p.value * scale);
  // What the user is typing; null shows the stored value (so undo and other edits show through).
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = draft ?? inputText(shown, language);

  function commit() {
    const r = checkNumber(text, language, p);
    if (r.error) {
      setError(ruleText(r.error));
      return;
    }
    setError(null);
    setDraft(null);
    const stored = r.value === undefined ? undefined : round(r.value / scale);
    if (stored !== p.value) p.onCommit(stored);
  }

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [error ? errorId : null, p.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${p.changed ? ' changed' : ''}`}>
      <label htmlFor={id}>
        {p.label}
        {p.unit ? <span className="unit"> [{p.unit}]</span> : null}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        data-testid={p.testId}
        data-dirty={draft !== null && draft !== inputText(shown, language)}
        aria-invalid={error ? true : undefined}
        aria-required={p.required ? true : undefined}
        aria-describedby={described}
        onChange={(e) => {
          setDraft(e.target.value);
          if (error) setError(null);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      {p.hint && (
        <small id={hintId} className="hint">
          {p.hint}
        </small>
      )}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** Removes float noise from scaled values (0.07 × 100 = 7.000000000000001). */
const round = (v: number) => Number.parseFloat(v.toPrecision(12));
