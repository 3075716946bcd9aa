import { useTranslation } from 'react-i18next';
import { files } from '../../platform/files';

/** Picks the file to import: a file input on the web, the system dialog on the desktop. */
export function ImportFilePicker({ onFile }: { onFile: (f: { name: string; data: Uint8Array }) => void }) {
  const { t } = useTranslation();
  const platform = files();
  return platform.kind === 'web' ? (
    <label>
      {t('profilesPage.choose')}
      <input
        type="file"
        accept=".csv,.txt,.xlsx"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void f.arrayBuffer().then((b) => onFile({ name: f.name, data: new Uint8Array(b) }));
        }}
      />
    </label>
  ) : (
    <button
      type="button"
      onClick={() =>
        void platform
          .openFile({ filters: [{ name: 'Lastgang', extensions: ['csv', 'txt', 'xlsx'] }] })
          .then((f) => {
            if (f) onFile(f);
          })
      }
    >
      {t('profilesPage.open')}
    </button>
  );
}
