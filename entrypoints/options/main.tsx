import '../../components/ui/theme.css';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../components/hooks/use-t';
import { OptionsApp } from '../../components/settings/options-app';
import { routeSettingWritesToBackground } from '../../lib/settings/route-setting-writes';

routeSettingWritesToBackground();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <I18nProvider>
      <OptionsApp />
    </I18nProvider>,
  );
}
