import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/app';
import { useProject } from '../project/store';
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
  /**
   * Key of the field in the project store (draftKey): a typed value that is invalid or not yet
   * committed is kept there, so the save status and the run buttons know of it and it survives a
   * page switch. Without it the field keeps its typed text to itself (inputs outside the document).
   */
  fieldKey?: string;
  /** The field as named in messages, e.g. "Gaskessel: Investition" (default: label). */
  fieldLabel?: string;
  /** JSON pointer and variant the field edits (to drop its draft when the target is removed). */
  pointer?: string;
  variantId?: string | null;
  /** Thousands separators while the field is not focused (default true; off for years). */
  grouping?: boolean;
}

export function useRuleText(): (e: RuleError) => string {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  return (e) =>
    t(`planner.field.${e.code}`, {
      limit: 'limit' in e ? inputText(e.limit, language, true) : undefined,
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
  const { fieldKey } = p;
  const stored = useProject((s) => (fieldKey ? s.drafts[fieldKey] : undefined));
  // What the user is typing; null shows the stored value (so undo and other edits show through).
  const [localDraft, setLocalDraft] = useState<string | null>(null);
  const [localError, setLocalError] = useState<RuleError | null>(null);
  const [focused, setFocused] = useState(false);
  const draft = fieldKey ? (stored?.text ?? null) : localDraft;
  // the message is worked out again from the text, so it follows a change of language
  const ruleError = fieldKey
    ? stored?.error
      ? (checkNumber(stored.text, language, p).error ?? { code: 'notANumber' })
      : null
    : localError;
  const error = ruleError ? ruleText(ruleError) : null;
  const plain = inputText(shown, language);
  const text = draft ?? (focused || p.grouping === false ? plain : groupedText(shown, language));

  // after a change of language the save status names the field and its problem in the new one
  const named = p.fieldLabel ?? p.label;
  useEffect(() => {
    if (!fieldKey) return;
    const d = useProject.getState().drafts[fieldKey];
    if (d && (d.label !== named || (d.error !== null && error !== null && d.error !== error)))
      useProject
        .getState()
        .setDraft(fieldKey, { ...d, label: named, error: d.error === null ? null : error });
  }, [fieldKey, named, error]);

  function put(next: string | null, err: RuleError | null) {
    if (!fieldKey) {
      setLocalDraft(next);
      setLocalError(err);
      return;
    }
    useProject.getState().setDraft(
      fieldKey,
      next === null
        ? null
        : {
            text: next,
            label: p.fieldLabel ?? p.label,
            error: err ? ruleText(err) : null,
            pointer: p.pointer,
            variantId: p.variantId ?? null,
          },
    );
  }

  function commit() {
    if (draft === null) return; // nothing typed
    const r = checkNumber(draft, language, p);
    if (r.error) {
      put(draft, r.error);
      return;
    }
    put(null, null);
    const value = r.value === undefined ? undefined : round(r.value / scale);
    if (value !== p.value) p.onCommit(value);
  }

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [error ? errorId : null, p.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${p.changed ? ' changed' : ''}`}>
      <label htmlFor={id}>
        {p.label}
        {p.unit && !hasUnit(p.label, p.unit) ? <span className="unit"> [{p.unit}]</span> : null}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        data-testid={p.testId}
        data-dirty={draft !== null && draft !== plain}
        aria-invalid={error ? true : undefined}
        aria-required={p.required ? true : undefined}
        aria-describedby={described}
        onChange={(e) => put(e.target.value, null)}
        onFocus={(e) => {
          // the plain number for editing ("10.00" left from a grouped "10.000" would read as 10);
          // set here and selected at once, so typing over the field (Tab, then digits) replaces it
          if (draft === null && e.currentTarget.value !== plain) {
            e.currentTarget.value = plain;
            e.currentTarget.select();
          }
          setFocused(true);
        }}
        onBlur={() => {
          setFocused(false);
          commit();
        }}
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

/** A label that already names its unit ("Leistung [kW]", "Leistung (kW)") gets no second one. */
const hasUnit = (label: string, unit: string) => label.includes(`[${unit}]`) || label.includes(`(${unit})`);

/** The value with thousands separators as the user's language writes them (10.000 / 10,000). */
function groupedText(value: number | undefined, language: 'de' | 'en'): string {
  if (value === undefined || Number.isNaN(value)) return '';
  return inputText(value, language, true);
}

/** Removes float noise from scaled values (0.07 × 100 = 7.000000000000001). */
const round = (v: number) => Number.parseFloat(v.toPrecision(12));
