import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import { installFakeLanguageModel } from '@/utils/llm/fake-language-model';
import '../sidepanel/style.css';

// A test build may stand a fake in for Chrome's model first (utils/llm/fake-language-model.ts).
void installFakeLanguageModel().finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
