import type { ShellLike, WebContentsLike, WebPreferencesLike } from './electron-api';
import { APP_ORIGIN, guardNavigation, secureWebPreferences } from './security';

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): void;
  on(event: 'closed', listener: () => void): void;
  show(): void;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
}

export type BrowserWindowCtor = new (options: {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: WebPreferencesLike;
}) => BrowserWindowLike;

export interface WindowDeps {
  BrowserWindow: BrowserWindowCtor;
  shell: ShellLike;
  preloadPath: string;
  origins: Set<string>;
  windowIds: Set<number>;
  /** Vite's dev server during `npm start`; undefined in the packaged app. */
  devServerUrl?: string;
}

/** Creates the main window with the secure preferences and guards, and loads the planner. */
export async function createMainWindow(deps: WindowDeps): Promise<BrowserWindowLike> {
  const win = new deps.BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Werkplan',
    backgroundColor: '#f5f6f8',
    webPreferences: secureWebPreferences(deps.preloadPath),
  });
  const id = win.webContents.id;
  deps.windowIds.add(id);
  win.on('closed', () => deps.windowIds.delete(id));
  guardNavigation(win.webContents, deps.origins, deps.shell);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(deps.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
