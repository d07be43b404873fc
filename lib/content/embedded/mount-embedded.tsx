import { createRoot } from 'react-dom/client';
import { LocaleProvider } from '../../../components/hooks/use-t';
import type { CardAction } from '../../actions/card-action';
import { type EmbeddedSettings, embeddedSettingsItem, toolbarAllowed } from '../../actions/embedded-settings';
import { toolbarActionsItem } from '../../actions/toolbar-actions-item';
import { toolbarPinsItem } from '../../actions/toolbar-pins';
import { resolveLocale } from '../../i18n/translate';
import type { TabRequests } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/requests';
import { generalSettingsItem } from '../../settings/storage-items';
import { EmbeddedApp, type EmbeddedControl } from './embedded-app';
import { snapshotSelection } from './selection-target';
import { createShadowHost } from './shadow-host';

/**
 * Embedded mode in the page: watches the selection, shows the toolbar after a
 * short rest, and runs actions into the card. Everything dies with `signal`.
 * Returns the handler for the background's `embedded.run` request. The
 * toolbar's buttons come from the background's mirror of the user's actions
 * (lib/actions/toolbar-mirror.ts): names and icons only, read without a
 * round trip, updated live.
 */
export function mountEmbedded(signal: AbortSignal): Handlers<TabRequests>['embedded.run'] {
  const { host, container } = createShadowHost(document, signal);
  const root = createRoot(container);
  signal.addEventListener('abort', () => root.unmount());
  let control: EmbeddedControl | null = null;
  // React renders asynchronously: a run requested right after injection waits for the UI.
  let controlReady: (control: EmbeddedControl) => void = () => {};
  const firstControl = new Promise<EmbeddedControl>((resolve) => {
    controlReady = resolve;
  });
  let settings: EmbeddedSettings | null = null;
  let actions: CardAction[] = [];
  let pins: string[] = [];
  let locale = resolveLocale('auto', navigator.language);

  const render = () =>
    root.render(
      <LocaleProvider locale={locale}>
        <EmbeddedApp
          actions={actions}
          pins={pins}
          host={host}
          control={(c) => {
            control = c;
            controlReady(c);
          }}
          onHideOnSite={() => void hideOnThisSite()}
        />
      </LocaleProvider>,
    );
  const reload = async () => {
    [settings, actions, pins] = await Promise.all([
      embeddedSettingsItem.getValue(),
      toolbarActionsItem.getValue(),
      toolbarPinsItem.getValue(),
    ]);
    locale = resolveLocale((await generalSettingsItem.getValue()).uiLanguage, navigator.language);
    render();
  };
  for (const item of [embeddedSettingsItem, generalSettingsItem, toolbarActionsItem, toolbarPinsItem] as const) {
    const unwatch = (item.watch as (cb: () => void) => () => void)(() => void reload());
    signal.addEventListener('abort', unwatch);
  }
  const showToolbar = () => control?.showToolbar(snapshotSelection(document, host));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (event: Event) => {
    // Typing or clicking inside Aside's own card is not a new selection in the page.
    if (event.target === host) return;
    clearTimeout(timer);
    if (!settings || !toolbarAllowed(settings, location.hostname)) {
      control?.showToolbar(null);
      return;
    }
    timer = setTimeout(showToolbar, settings.toolbarDelayMs);
  };
  const options = { signal, capture: true } as const;
  document.addEventListener('selectionchange', check, options);
  document.addEventListener('mouseup', check, options);
  document.addEventListener('keyup', (event) => event.key !== 'Escape' && check(event), options);
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape') control?.dismiss();
    },
    options,
  );
  // Injected on the first selection: show the toolbar for that selection too.
  void reload().then(() => check(new Event('aside-loaded')));
  addEventListener('scroll', () => control?.showToolbar(null), { signal, passive: true });

  return async ({ action, selectionText, link }) => {
    const snapshot = snapshotSelection(document, host);
    const fallback = selectionText ? { text: selectionText, rect: new DOMRect(), target: null } : null;
    const builtinPageAction = action.builtin && (action.id === 'page-summary' || action.id === 'ask-link');
    (control ?? (await firstControl)).runAction(
      action,
      builtinPageAction ? null : (snapshot ?? fallback),
      link ? { linkToken: link.token } : {},
    );
    return {};
  };
}

async function hideOnThisSite(): Promise<void> {
  const settings = await embeddedSettingsItem.getValue();
  if (settings.disabledSites.includes(location.hostname)) return;
  await embeddedSettingsItem.setValue({ ...settings, disabledSites: [...settings.disabledSites, location.hostname] });
}
