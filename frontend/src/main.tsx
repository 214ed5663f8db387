import './styles/index.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { session } from './api/session';
import { AppProvider } from './app/provider';
import { AppRouter } from './app/router';
import { i18nReady } from './i18n';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

// Once per page load: the refresh cookie (if any) brings back the session of before the reload.
void session.restore();

// The stored language's messages (fetched unless Dutch) come first, so the first paint is in it.
void i18nReady.then(() => {
  createRoot(container).render(
    <StrictMode>
      <AppProvider>
        <AppRouter />
      </AppProvider>
    </StrictMode>,
  );
});
