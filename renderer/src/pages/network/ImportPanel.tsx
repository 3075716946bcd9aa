import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readNetworkGeoJson, type NetworkIssue } from '../../../../solver/src';
import { files } from '../../platform/files';
import { useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { IssueItems } from './IssueList';

type Outcome =
  | { kind: 'stored'; name: string; counts: Counts; warnings: NetworkIssue[] }
  | { kind: 'refused'; name: string; issues: NetworkIssue[] }
  | { kind: 'unreadable'; name: string };

export interface Counts {
  buildings: number;
  streets: number;
  plants: number;
}

/**
 * Reads a picked file and, when the reader finds no error, stores its FeatureCollection as the
 * project's network (one undo step; the parameter overrides stay). A file with errors leaves the
 * project untouched and its located issues are listed.
 */
export async function importNetworkFile(name: string, data: Uint8Array): Promise<Outcome> {
  let text: string;
  let geojson: Record<string, unknown>;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { kind: 'unreadable', name };
  }
  const read = readNetworkGeoJson(text);
  if (!read.input || read.issues.some((i) => i.severity === 'error'))
    return { kind: 'refused', name, issues: read.issues };
  try {
    geojson = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { kind: 'unreadable', name };
  }
  await useProject.getState().edit((d) => {
    d.network = d.network?.params ? { geojson, params: d.network.params } : { geojson };
  });
  const { buildings, streets, plants } = read.input;
  return {
    kind: 'stored',
    name,
    counts: { buildings: buildings.length, streets: streets.length, plants: plants.length },
    warnings: read.issues,
  };
}

function Picker({ onFile }: { onFile: (f: { name: string; data: Uint8Array }) => void }) {
  const { t } = useTranslation();
  const platform = files();
  return platform.kind === 'web' ? (
    <label>
      {t('network.import.choose')}{' '}
      <input
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        data-testid="network-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void f.arrayBuffer().then((b) => onFile({ name: f.name, data: new Uint8Array(b) }));
          e.target.value = '';
        }}
      />
    </label>
  ) : (
    <button
      type="button"
      onClick={() =>
        void platform
          .openFile({ filters: [{ name: t('network.import.fileType'), extensions: ['geojson', 'json'] }] })
          .then((f) => {
            if (f) onFile(f);
          })
      }
    >
      {t('network.import.open')}
    </button>
  );
}

/** The import panel: what the project holds, the file picker and what became of the last file. */
export function ImportPanel({ counts }: { counts: Counts | null }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <section className="panel" aria-labelledby="network-import-title" data-testid="network-import">
      <h2 id="network-import-title">{t('network.import.title')}</h2>
      <p className="muted">{t('network.import.intro')}</p>
      <p data-testid="network-current">
        {counts ? t('network.import.current', { ...counts }) : t('network.import.none')}
      </p>
      <Picker
        onFile={(f) =>
          void importNetworkFile(f.name, f.data).then(setOutcome, () =>
            setOutcome({ kind: 'unreadable', name: f.name }),
          )
        }
      />
      <div role="status" aria-live="polite" data-testid="network-import-outcome">
        {outcome?.kind === 'stored' && (
          <>
            <p>{t('network.import.stored', { name: outcome.name, ...outcome.counts })}</p>
            <IssueItems issues={outcome.warnings} language={language} />
          </>
        )}
        {outcome?.kind === 'refused' && (
          <div className="problems">
            <p>{t('network.import.refused', { name: outcome.name })}</p>
            <IssueItems issues={outcome.issues} language={language} />
          </div>
        )}
        {outcome?.kind === 'unreadable' && (
          <p className="problems">{t('network.import.unreadable', { name: outcome.name })}</p>
        )}
      </div>
    </section>
  );
}
