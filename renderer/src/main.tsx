import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { restoreLanguage } from './language';
import { startAtRest } from './db/atRest/startup';
import { atRest } from './platform/atRest';
import './styles.css';

// The at-rest key first: every database access after this line goes through the encryption.
await startAtRest(atRest());
await restoreLanguage();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
