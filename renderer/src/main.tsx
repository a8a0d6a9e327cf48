import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { App } from './App';
import { RecoveryGate } from './components/backups/RecoveryGate';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Patron: #root element missing from index.html');

createRoot(root).render(
  <StrictMode>
    <RecoveryGate>
      <App />
    </RecoveryGate>
  </StrictMode>,
);
