import { useState } from 'react';
import type { SaveResult } from '../../platform/files';
import { exportAudit, type ChainStatus } from '../../sync/admin';
import type { AdminContext } from './AdminPage';
import { auditExportName } from './format';

export interface ExportOutcome {
  chain: ChainStatus;
  entries: number;
  saved: SaveResult;
}

/** Exports the whole audit log as NDJSON into a file the user picks; keeps the outcome or error. */
export function useAuditExport(ctx: AdminContext) {
  const { send, saveFile, explain, tenantId } = ctx;
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExportOutcome | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  const runExport = async () => {
    setExporting(true);
    setExportError(null);
    setExported(null);
    try {
      const r = await exportAudit(send);
      const saved = await saveFile({
        suggestedName: auditExportName(tenantId ?? r.tenantId, new Date()),
        data: new TextEncoder().encode(r.ndjson),
        filters: [{ name: 'NDJSON', extensions: ['ndjson'] }],
      });
      setExported({ chain: r.chain, entries: r.entries, saved });
    } catch (e) {
      setExportError(explain(e));
    } finally {
      setExporting(false);
    }
  };

  return { exporting, exported, exportError, runExport };
}
