import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserLanguage } from '@/utils/i18n';
import App from './App';
import './style.css';

document.documentElement.lang = browserLanguage();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
