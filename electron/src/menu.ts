/** The application menu as plain data (Electron's MenuItemConstructorOptions subset), so it is testable. */
export interface MenuItem {
  label?: string;
  role?: string;
  type?: 'separator';
  submenu?: MenuItem[];
}

export function buildMenu({ isMac, appName }: { isMac: boolean; appName: string }): MenuItem[] {
  const menu: MenuItem[] = [];
  if (isMac)
    menu.push({
      label: appName,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'quit' }],
    });
  menu.push(
    { label: 'Datei', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Bearbeiten',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'Ansicht',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Fenster', submenu: [{ role: 'minimize' }, { role: 'close' }] },
    { label: 'Hilfe', submenu: [{ role: 'about' }] },
  );
  return menu;
}
