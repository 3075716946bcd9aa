import type { KeyboardEvent } from 'react';

/**
 * Tabs (WAI-ARIA pattern): one tab stop, arrow keys, Home and End move between tabs. The caller
 * renders the panel with id `${id}-panel-${active}` labelled by the active tab.
 */
export function Tabs<T extends string>({
  id,
  label,
  tabs,
  active,
  onChange,
}: {
  id: string;
  label: string;
  tabs: { key: T; label: string }[];
  active: T;
  onChange(key: T): void;
}) {
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.key === active);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i + tabs.length - 1) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    onChange(tabs[next].key);
    document.getElementById(`${id}-tab-${tabs[next].key}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="results-tabs" onKeyDown={onKey}>
      {tabs.map((t) => (
        <button
          key={t.key}
          type="button"
          role="tab"
          id={`${id}-tab-${t.key}`}
          aria-selected={active === t.key}
          aria-controls={`${id}-panel-${t.key}`}
          tabIndex={active === t.key ? 0 : -1}
          onClick={() => onChange(t.key)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
