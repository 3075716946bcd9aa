import type { KeyboardEvent } from 'react';

/**
 * Tabs (WAI-ARIA pattern): one tab stop, arrow keys, Home and End move between tabs (selection
 * follows focus). The caller renders the panel with id `${id}-panel-${active}`, role tabpanel,
 * labelled by `${id}-tab-${active}` (see tabPanelProps).
 */
export function Tabs<T extends string>({
  id,
  label,
  tabs,
  active,
  onChange,
  className = 'results-tabs',
}: {
  id: string;
  label: string;
  tabs: { key: T; label: string }[];
  active: T;
  onChange: (key: T) => void;
  /** Styling hook of the tab list (the results page's look by default). */
  className?: string;
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
    <div role="tablist" aria-label={label} className={className} onKeyDown={onKey}>
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

/** The attributes of the panel that belongs to the active tab of `Tabs` with the same id. */
export function tabPanelProps(id: string, active: string) {
  return {
    id: `${id}-panel-${active}`,
    role: 'tabpanel',
    'aria-labelledby': `${id}-tab-${active}`,
  } as const;
}
