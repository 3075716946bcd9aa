import { createContext, useContext, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setPointer } from '../../../../solver/src';
import { getPointer, putPointer } from '../../project/pointer';
import { draftKey, useProject } from '../../project/store';
import type { StoredProject } from '../../project/document';
import { NumberField } from '../../components/NumberField';
import type { NumberRule } from '../../project/numbers';
import { parameterLabel } from '../scenarios/labels';

/**
 * Where the forms write: the base document, or one variant's overrides (JSON pointer → value).
 * The same forms serve both; in a variant only values that exist in the base can be overridden.
 */
export interface Editor {
  variantId: string | null;
  /** The document as the forms show it (base, or base with the variant's overrides). */
  doc: StoredProject;
  get(pointer: string): unknown;
  base(pointer: string): unknown;
  set(pointer: string, value: unknown): Promise<void>;
  changed(pointer: string): boolean;
}

export function effectiveDoc(doc: StoredProject, variantId: string | null): StoredProject {
  const s = variantId ? doc.scenarios?.find((x) => x.id === variantId) : undefined;
  if (!s) return doc;
  const copy = structuredClone(doc);
  for (const [p, v] of Object.entries(s.overrides)) {
    try {
      setPointer(copy, p, v);
    } catch {
      // an override whose target was removed from the base; the diff view shows it
    }
  }
  return copy;
}

export function makeEditor(doc: StoredProject, variantId: string | null): Editor {
  const shown = effectiveDoc(doc, variantId);
  const { edit } = useProject.getState();
  const variant = variantId ? doc.scenarios?.find((x) => x.id === variantId) : undefined;
  return {
    variantId,
    doc: shown,
    get: (p) => getPointer(shown, p),
    base: (p) => getPointer(doc, p),
    changed: (p) => !!variant && p in variant.overrides,
    set(p, value) {
      if (!variantId) return edit((d) => putPointer(d, p, value), p);
      return edit((d) => {
        const s = d.scenarios?.find((x) => x.id === variantId);
        if (!s) throw new Error(`scenario ${variantId} no longer exists`);
        if (value === undefined || JSON.stringify(value) === JSON.stringify(getPointer(d, p)))
          delete s.overrides[p];
        else s.overrides[p] = value;
      }, `${variantId}:${p}`);
    },
  };
}

const EditorContext = createContext<Editor | null>(null);
export const EditorProvider = ({ editor, children }: { editor: Editor; children: ReactNode }) => (
  <EditorContext.Provider value={editor}>{children}</EditorContext.Provider>
);
export function useEditor(): Editor {
  const e = useContext(EditorContext);
  if (!e) throw new Error('useEditor outside EditorProvider');
  return e;
}

/** A number bound to a pointer of the document (or the variant's override of it). */
export function PField(
  p: {
    ptr: string;
    label: string;
    unit?: string;
    scale?: number;
    hint?: string;
    testId?: string;
    grouping?: boolean;
  } & NumberRule,
) {
  const { t } = useTranslation();
  const ed = useEditor();
  const { ptr, ...rest } = p;
  const value = ed.get(ptr);
  const locked = ed.variantId !== null && ed.base(ptr) === undefined;
  if (locked) return null;
  // the name messages and the save status use: with the technology's name ("Gaskessel: Investition")
  const named = parameterLabel(ed.doc, ptr, t).label;
  return (
    <NumberField
      {...rest}
      fieldKey={draftKey(ptr, ed.variantId)}
      fieldLabel={named === ptr ? p.label : named}
      pointer={ptr}
      variantId={ed.variantId}
      value={typeof value === 'number' ? value : undefined}
      changed={ed.changed(ptr)}
      onCommit={(v) => void ed.set(ptr, v)}
    />
  );
}

export function TextField({ ptr, label, required }: { ptr: string; label: string; required?: boolean }) {
  const ed = useEditor();
  const id = useId();
  const value = ed.get(ptr);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        defaultValue={typeof value === 'string' ? value : ''}
        key={String(value)}
        required={required}
        disabled={ed.variantId !== null}
        onBlur={(e) => {
          const v = e.target.value.trim();
          if (v !== (value ?? '')) void ed.set(ptr, v === '' && !required ? undefined : v);
        }}
      />
    </div>
  );
}

export function SelectField({
  ptr,
  label,
  options,
  empty,
  testId,
}: {
  ptr: string;
  label: string;
  options: { value: string; label: string }[];
  empty?: string;
  testId?: string;
}) {
  const ed = useEditor();
  const id = useId();
  const value = ed.get(ptr);
  return (
    <div className={`field${ed.changed(ptr) ? ' changed' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-testid={testId}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) =>
          void ed.set(ptr, e.target.value === '' ? (empty !== undefined ? '' : undefined) : e.target.value)
        }
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckField({ ptr, label }: { ptr: string; label: string }) {
  const ed = useEditor();
  const id = useId();
  return (
    <div className={`field check${ed.changed(ptr) ? ' changed' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={ed.get(ptr) === true}
        onChange={(e) => void ed.set(ptr, e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
