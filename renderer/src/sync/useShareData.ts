import { useCallback, useEffect, useState } from 'react';
import type { DirectoryUser, ProjectMember } from '../../../contracts';
import { DIRECTORY_QUERY_MIN } from '../../../contracts';
import type { SharingApi } from './shareCommon';

const SEARCH_DELAY_MS = 250;

/** The members of a project, loaded when the dialog opens; `load` reads them again. */
export function useProjectMembers(api: SharingApi | null, projectId: string, onError: (e: unknown) => void) {
  const [members, setMembers] = useState<ProjectMember[] | null>(null);

  const load = useCallback(
    () => (api ? api.members(projectId).then(setMembers, (e: unknown) => onError(e)) : Promise.resolve()),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, projectId],
  );

  useEffect(() => {
    if (!api) return;
    let live = true;
    api.members(projectId).then(
      (m) => live && setMembers(m),
      (e: unknown) => live && onError(e),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, projectId]);

  return { members, load };
}

/**
 * Directory search, a moment after typing stops; answers are kept with their query, so a late
 * answer to an older query is never shown for a newer one. `found` is null while there is no
 * answer to the query as it is now.
 */
export function useDirectorySearch(api: SharingApi | null, onError: (e: unknown) => void) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ query: string; users: DirectoryUser[] } | null>(null);
  const q = query.trim();
  useEffect(() => {
    if (!api || q.length < DIRECTORY_QUERY_MIN) return;
    let live = true;
    const timer = setTimeout(() => {
      api.searchUsers(q).then(
        (users) => live && setResults({ query: q, users }),
        (e: unknown) => live && onError(e),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, q]);
  const found = results && results.query === q && q.length >= DIRECTORY_QUERY_MIN ? results.users : null;
  return { query, setQuery, found };
}
