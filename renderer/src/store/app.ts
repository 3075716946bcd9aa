import { create } from 'zustand';
import type { Language } from '../i18n';

export const PAGES = [
  'projects',
  'profiles',
  'plants',
  'scenarios',
  'results',
  'reports',
  'settings',
] as const;
export type Page = (typeof PAGES)[number];

export const isPage = (v: string): v is Page => (PAGES as readonly string[]).includes(v);

interface AppState {
  page: Page;
  language: Language;
  activeProjectId: string | null;
  setPage(page: Page): void;
  setLanguage(language: Language): void;
  setActiveProject(id: string | null): void;
}

/** UI state only; persistent data lives in IndexedDB (renderer/src/db). */
export const useApp = create<AppState>((set) => ({
  page: 'projects',
  language: 'de',
  activeProjectId: null,
  setPage: (page) => set({ page }),
  setLanguage: (language) => set({ language }),
  setActiveProject: (activeProjectId) => set({ activeProjectId }),
}));
