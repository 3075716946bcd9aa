import { useEffect, useState } from 'react';
import { db } from '../../db/schema';
import { currentInputsHash } from '../../project/assemble';

/**
 * The current inputs hash of each scenario (`ids` joined by "|"), recomputed whenever the
 * document, the run modes or the stored results change; null until the first one is done.
 */
export function useScenarioHashes(
  projectId: string,
  ids: string,
  doc: unknown,
  modesKey: string,
  results: unknown,
) {
  const [hashes, setHashes] = useState<Record<string, string | null> | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const out: Record<string, string | null> = {};
      for (const id of ids.split('|')) out[id] = await currentInputsHash(db(), projectId, id);
      if (live) setHashes(out);
    })();
    return () => {
      live = false;
    };
  }, [projectId, doc, modesKey, ids, results]);
  return hashes;
}
