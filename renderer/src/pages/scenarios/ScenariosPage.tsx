import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/app';
import { useProject } from '../../project/store';
import { freeId } from '../../project/catalogue';
import { runOptionsOf } from '../../project/assemble';
import { setScenarioMode } from '../../project/runOptions';
import { db } from '../../db/schema';
import { EmptyPage } from '../EmptyPage';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Tabs, tabPanelProps } from '../../components/Tabs';
import { UndoBar, useActiveProject } from '../../components/UndoBar';
import { EditorProvider, makeEditor } from '../plants/editor';
import { ConstraintsSection, EconomicsSection, PricesSection, TechnologiesSection } from '../plants/sections';
import { DiffView } from './DiffView';
import { RunPanel } from './RunPanel';
import { SweepPanel } from './SweepPanel';

const TABS = 'scenario';

/**
 * Scenarios: the base and its variants, as tabs (arrow keys, Home, End) over a panel with the
 * selected one's changes, runs and forms. Variants live in the project document (`scenarios`, the
 * one source of truth) as JSON-pointer overrides; the same forms as on the plants page edit them.
 */
export default function ScenariosPage() {
  const { t } = useTranslation();
  const activeId = useApp((s) => s.activeProjectId);
  const { doc } = useActiveProject();
  const edit = useProject((s) => s.edit);
  const [selected, setSelected] = useState('base');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<string | null>(null);
  const variant = doc?.scenarios?.find((s) => s.id === selected) ?? null;
  const current = variant ? selected : 'base';
  const editor = useMemo(() => (doc ? makeEditor(doc, variant ? variant.id : null) : null), [doc, variant]);

  if (!activeId) return <EmptyPage page="scenarios" />;
  if (!doc || !editor) return <p className="empty">{t('planner.loading')}</p>;

  async function add(e: FormEvent) {
    e.preventDefault();
    const n = name.trim();
    if (!n) return setNameError(t('planner.scenarios.nameEmpty'));
    if ((doc!.scenarios ?? []).some((s) => s.name === n))
      return setNameError(t('planner.scenarios.nameTaken'));
    const slug = n
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    const id = freeId(slug || 'variante', ['base', ...(doc!.scenarios ?? []).map((s) => s.id)]);
    await edit((d) => {
      d.scenarios = [...(d.scenarios ?? []), { id, name: n, overrides: {} }];
    });
    // A new variant starts in the run mode of the scenario it was created from.
    const record = activeId ? await db().projects.get(activeId) : undefined;
    if (record) await setScenarioMode(db(), record.id, id, runOptionsOf(record, current).mode);
    setName('');
    setNameError(null);
    setSelected(id);
  }

  return (
    <section aria-labelledby="scenarios-title" className="planner">
      <div className="page-head">
        <h1 id="scenarios-title">{t('nav.scenarios')}</h1>
        <UndoBar />
      </div>
      <div className="panel">
        <form className="field-row" onSubmit={(e) => void add(e)} noValidate>
          <div className="field">
            <label htmlFor="variant-name">{t('planner.scenarios.newVariant')}</label>
            <input
              id="variant-name"
              value={name}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? 'variant-name-error' : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            {nameError && (
              <span id="variant-name-error" className="field-error" role="alert">
                {nameError}
              </span>
            )}
          </div>
          <button type="submit">{t('planner.scenarios.add')}</button>
        </form>
        <Tabs
          id={TABS}
          className="scenario-tabs"
          label={t('planner.scenarios.list')}
          tabs={[
            { key: 'base', label: t('planner.scenarios.base') },
            ...(doc.scenarios ?? []).map((s) => ({
              key: s.id,
              label: `${s.name} (${Object.keys(s.overrides).length})`,
            })),
          ]}
          active={current}
          onChange={setSelected}
        />
      </div>
      <div {...tabPanelProps(TABS, current)}>
        {variant ? (
          <div className="panel">
            <h2>{t('planner.scenarios.variantTitle', { name: variant.name })}</h2>
            <p className="hint">{t('planner.scenarios.variantHint')}</p>
            <DiffView
              doc={doc}
              scenario={variant}
              onRemove={(p) =>
                void edit((d) => {
                  const s = d.scenarios?.find((x) => x.id === variant.id);
                  if (s) delete s.overrides[p];
                })
              }
            />
            <button type="button" className="danger" onClick={() => setToDelete(variant.id)}>
              {t('planner.scenarios.delete')}
            </button>
          </div>
        ) : (
          <p className="hint panel">{t('planner.scenarios.baseHint')}</p>
        )}
        <RunPanel doc={doc} selected={current} />
        {variant && (
          <EditorProvider editor={editor}>
            <PricesSection />
            <EconomicsSection />
            <ConstraintsSection />
            <TechnologiesSection />
          </EditorProvider>
        )}
      </div>
      <SweepPanel doc={doc} />
      {toDelete && (
        <ConfirmDialog
          title={t('planner.scenarios.deleteTitle')}
          body={t('planner.scenarios.deleteBody', {
            name: doc.scenarios?.find((s) => s.id === toDelete)?.name ?? '',
          })}
          confirmLabel={t('projects.delete')}
          cancelLabel={t('projects.cancel')}
          onConfirm={() => {
            void edit((d) => {
              d.scenarios = (d.scenarios ?? []).filter((s) => s.id !== toDelete);
            });
            setToDelete(null);
            setSelected('base');
          }}
          onCancel={() => setToDelete(null)}
        />
      )}
    </section>
  );
}
