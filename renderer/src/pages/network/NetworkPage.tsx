import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { readNetworkGeoJson, type ProjectNetwork } from '../../../../solver/src';
import { UndoBar, useActiveProject } from '../../components/UndoBar';
import type { StoredProject } from '../../project/document';
import { useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { EmptyPage } from '../EmptyPage';
import { networkKey, useNetworkDesign } from './designStore';
import { figure } from './format';
import { ChoiceForm } from './ChoiceForm';
import { ImportPanel } from './ImportPanel';
import { IssueList } from './IssueList';
import { LossesChart } from './LossesChart';
import { cycleStreet, toggleBuilding, type NetworkOverrides } from './networkEdits';
import { NetworkMap } from './NetworkMap';
import { ParamsPanel } from './ParamsPanel';
import { SummaryPanel } from './SummaryPanel';
import './network.css';

/** Stores new parameter overrides with the project's network (one undo step per click). */
function editParams(change: (p: NetworkOverrides | undefined) => NetworkOverrides) {
  void useProject.getState().edit((d) => {
    if (!d.network) return;
    const params = change(d.network.params);
    if (Object.keys(params).length) d.network.params = params;
    else delete d.network.params;
  });
}

/** The streets forced or forbidden and the buildings left out, each with a button that releases it. */
function Choices({ params }: { params: NetworkOverrides | undefined }) {
  const { t } = useTranslation();
  const lists: [string, string[], (id: string) => void][] = [
    ['forced', params?.forcedStreets ?? [], (id) => editParams((p) => cycleStreet(cycleStreet(p, id), id))],
    ['forbidden', params?.forbiddenStreets ?? [], (id) => editParams((p) => cycleStreet(p, id))],
    ['excluded', params?.excludedBuildings ?? [], (id) => editParams((p) => toggleBuilding(p, id))],
  ];
  return (
    <div className="network-choices" data-testid="network-choices">
      {lists
        .filter(([, ids]) => ids.length > 0)
        .map(([kind, ids, release]) => (
          <p key={kind}>
            {t(`network.streets.${kind}`)}:{' '}
            {ids.map((id) => (
              <button key={id} type="button" className="chip" onClick={() => release(id)}>
                {t('network.streets.release', { id })}
              </button>
            ))}
          </p>
        ))}
    </div>
  );
}

/** Design button, busy and stale state. */
function DesignBar({ projectId, network }: { projectId: string; network: ProjectNetwork }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const state = useNetworkDesign();
  const mine = state.projectId === projectId;
  const stale = mine && state.design !== null && state.key !== networkKey(network);
  return (
    <div className="network-design-bar" aria-busy={state.busy}>
      <button
        type="button"
        className="primary"
        disabled={state.busy}
        onClick={() => void state.run(projectId, network)}
      >
        {state.busy ? t('network.design.busy') : t('network.design.run')}
      </button>
      <span role="status" aria-live="polite" data-testid="network-design-status">
        {state.busy
          ? t('network.design.busy')
          : mine && state.failed
            ? t('network.design.failed')
            : stale
              ? t('network.design.stale')
              : mine && state.design
                ? t('network.design.seconds', { seconds: figure(state.design.seconds, language, 1) })
                : ''}
      </span>
    </div>
  );
}

function NetworkEditor({ doc, projectId }: { doc: StoredProject; projectId: string }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const network = doc.network;
  const geojson = network?.geojson;
  // every edit copies the document: read again only when the GeoJSON's text changed, so the map
  // keeps its input (and its drawing) when only a choice changed
  const text = useMemo(() => (geojson ? JSON.stringify(geojson) : null), [geojson]);
  const read = useMemo(() => (text ? readNetworkGeoJson(text) : null), [text]);
  const state = useNetworkDesign();
  const design = state.projectId === projectId ? state.design : null;
  const input = read?.input;
  const issues = [...(read?.issues ?? []), ...(design?.issues ?? [])];
  return (
    <>
      <ImportPanel
        counts={
          input
            ? {
                buildings: input.buildings.length,
                streets: input.streets.length,
                plants: input.plants.length,
              }
            : null
        }
      />
      {network && <ParamsPanel params={network.params} edit={editParams} />}
      {network && <DesignBar projectId={projectId} network={network} />}
      {input && (
        <section className="panel" aria-labelledby="network-map-title">
          <h2 id="network-map-title">{t('network.map.title')}</h2>
          <NetworkMap
            input={input}
            design={design}
            params={network?.params}
            onStreet={(id) => editParams((p) => cycleStreet(p, id))}
            onBuilding={(id) => editParams((p) => toggleBuilding(p, id))}
          />
          <Choices params={network?.params} />
          <ChoiceForm input={input} params={network?.params} edit={editParams} />
        </section>
      )}
      {design && <SummaryPanel design={design} language={language} />}
      {design && (
        <LossesChart
          lossesHourly_kW={design.lossesHourly_kW}
          year={doc.site.year}
          timeZone={doc.site.timeZone ?? 'Europe/Berlin'}
          language={language}
        />
      )}
      <IssueList issues={issues} language={language} />
    </>
  );
}

/** Entry of the heat network page (lazy-loaded by App): import, design, map, figures, notes. */
export default function NetworkPage() {
  const { t } = useTranslation();
  const activeId = useApp((s) => s.activeProjectId);
  const { doc, projectId } = useActiveProject();
  useEffect(() => {
    document.title = `${t('nav.network')} – Werkplan`;
  }, [t]);
  if (!activeId) return <EmptyPage page="network" />;
  if (!doc || !projectId) return <p className="empty">{t('planner.loading')}</p>;
  return (
    <section aria-labelledby="network-title" className="planner network-page">
      <div className="page-head">
        <h1 id="network-title">{t('nav.network')}</h1>
        <UndoBar />
      </div>
      <NetworkEditor doc={doc} projectId={projectId} />
    </section>
  );
}
