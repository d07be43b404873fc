import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../components/hooks/use-t';
import { SidePanelApp } from '../../components/panel/side-panel-app';
import { routeSettingWritesToBackground } from '../../lib/settings/route-setting-writes';
import '../../components/ui/theme.css';

routeSettingWritesToBackground();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <I18nProvider>
      <SidePanelApp />
    </I18nProvider>,
  );
}
