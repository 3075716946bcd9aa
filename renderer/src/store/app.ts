import { create } from 'zustand';
import type { Language } from '../i18n';

export const PAGES = [
  'projects',
  'profiles',
  'plants',
  'network',
  'scenarios',
  'results',
  'reports',
  'settings',
  'admin',
] as const;
export type Page = (typeof PAGES)[number];

export const isPage = (v: string): v is Page => (PAGES as readonly string[]).includes(v);

interface AppState {
  page: Page;
  language: Language;
  activeProjectId: string | null;
  setPage: (page: Page) => void;
  setLanguage: (language: Language) => void;
  setActiveProject: (id: string | null) => void;
}

/** The open page and project survive a reload (localStorage: UI state, not data). */
const KEY = 'werkplan.ui';
function restored(): { page: Page; activeProjectId: string | null } {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const v = raw ? (JSON.parse(raw) as { page?: string; activeProjectId?: unknown }) : {};
    return {
      page: typeof v.page === 'string' && isPage(v.page) ? v.page : 'projects',
      activeProjectId: typeof v.activeProjectId === 'string' ? v.activeProjectId : null,
    };
  } catch {
    return { page: 'projects', activeProjectId: null };
  }
}
function remember(s: { page: Page; activeProjectId: string | null }): void {
  try {
    globalThis.localStorage?.setItem(
      KEY,
      JSON.stringify({ page: s.page, activeProjectId: s.activeProjectId }),
    );
  } catch {
    // storage unavailable (private mode): the UI state is simply not restored
  }
}

/** UI state only; persistent data lives in IndexedDB (renderer/src/db). */
export const useApp = create<AppState>((set, get) => ({
  ...restored(),
  language: 'de',
  setPage: (page) => {
    set({ page });
    remember(get());
  },
  setLanguage: (language) => set({ language }),
  setActiveProject: (activeProjectId) => {
    set({ activeProjectId });
    remember(get());
  },
}));
