import { createRoot } from 'react-dom/client';
import { ChatApp } from '../../components/chat/chat-app';
import { I18nProvider } from '../../components/hooks/use-t';
import '../../components/ui/theme.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <I18nProvider>
      <ChatApp />
    </I18nProvider>,
  );
}
