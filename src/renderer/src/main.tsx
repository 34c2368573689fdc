import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { resolveLanguage } from './i18n/language';
import { createTransport } from './transport/createTransport';
import { fragmentHasToken } from './transport/token';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/deck.css';

async function start(): Promise<void> {
  // Until the stored settings arrive, speak the system's language.
  const language = resolveLanguage('system');
  document.documentElement.lang = language;
  await initI18n(language);

  const transport = createTransport();
  // A new host URL pasted into this tab only changes the fragment: start over with its token.
  window.addEventListener('hashchange', () => {
    if (fragmentHasToken()) window.location.reload();
  });

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element.');
  createRoot(root).render(
    <StrictMode>
      <App transport={transport} />
    </StrictMode>,
  );
}

void start();
