import '../../components/ui/theme.css';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../components/hooks/use-t';
import { ReaderApp } from '../../components/reader/reader-app';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <I18nProvider>
      <ReaderApp />
    </I18nProvider>,
  );
}
