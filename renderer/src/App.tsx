import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGES, useApp, type Page } from './store/app';
import { LanguageSelect } from './components/LanguageSelect';
import { SyncStatus } from './sync/SyncStatus';
import { useSync } from './sync/controller';
import { db } from './db/schema';
import { useLiveQuery } from './db/useLiveQuery';
import { AtRestLockedBanner } from './pages/settings/LocalDataSection';

const ProjectsPage = lazy(() => import('./pages/ProjectsPage'));
const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const ProfilesPage = lazy(() => import('./pages/ProfilesPage'));
const PlantsPage = lazy(() => import('./pages/plants/PlantsPage'));
const NetworkPage = lazy(() => import('./pages/network/NetworkPage'));
const ScenariosPage = lazy(() => import('./pages/scenarios/ScenariosPage'));
const ResultsPage = lazy(() => import('./pages/results/ResultsPage'));
const ReportsPage = lazy(() => import('./pages/reports/ReportsPage'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));

/** The open project, named in the header on every page (or that none is open). */
function ActiveProject() {
  const { t } = useTranslation();
  const id = useApp((s) => s.activeProjectId);
  const project = useLiveQuery(() => (id ? db().projects.get(id) : Promise.resolve(undefined)), [id]);
  return (
    <p className="header-project" data-testid="header-project">
      <span className="header-project-label">{t('app.project')}:</span>{' '}
      {project ? (
        <strong>{project.name}</strong>
      ) : (
        <span className="header-project-none">{t('app.noProject')}</span>
      )}
    </p>
  );
}

function PageView({ page }: { page: Page }) {
  switch (page) {
    case 'projects':
      return <ProjectsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'profiles':
      return <ProfilesPage />;
    case 'plants':
      return <PlantsPage />;
    case 'network':
      return <NetworkPage />;
    case 'scenarios':
      return <ScenariosPage />;
    case 'results':
      return <ResultsPage />;
    case 'reports':
      return <ReportsPage />;
    case 'admin':
      return <AdminPage />;
  }
}

export function App() {
  const { t } = useTranslation();
  const page = useApp((s) => s.page);
  const setPage = useApp((s) => s.setPage);
  // The Administration page is offered to signed-in Administrators only (it explains itself otherwise).
  const isAdmin = useSync((s) => s.auth.signedIn && (s.auth.roles ?? []).includes('Administrator'));
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <ActiveProject />
        <SyncStatus />
        <LanguageSelect id="header-language" />
      </header>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <ul>
          {PAGES.filter((p) => p !== 'admin' || isAdmin).map((p) => (
            <li key={p}>
              <button type="button" aria-current={p === page ? 'page' : undefined} onClick={() => setPage(p)}>
                {t(p === 'admin' ? 'admin.nav' : `nav.${p}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app-main">
        <AtRestLockedBanner />
        <Suspense fallback={null}>
          <PageView page={page} />
        </Suspense>
      </main>
    </div>
  );
}
