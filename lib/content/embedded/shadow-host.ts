import { embeddedCss } from './styles';

/**
 * The element that holds Aside's in-page UI: a fixed, zero-size box at the
 * root of the document with its own shadow root, so page CSS cannot style
 * the UI and the UI never takes space in the page's layout. Inline
 * `!important` beats any page rule aimed at the host itself (`* { ... }`).
 * Screen readers still read a closed shadow root: it hides the UI from page
 * scripts, not from the accessibility tree.
 */
export function createShadowHost(
  document: Document,
  signal: AbortSignal,
): { host: HTMLElement; container: HTMLElement } {
  const host = document.createElement('aside-embedded');
  host.setAttribute(
    'style',
    'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important; z-index: 2147483647 !important; display: block !important; overflow: visible !important;',
  );
  // Closed: the page's scripts get no handle on the toolbar or the card, so they cannot read an answer or
  // press a button in it (tests reach it over the DevTools protocol, which sees closed roots).
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = embeddedCss;
  const container = document.createElement('div');
  shadow.append(style, container);
  document.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove());
  return { host, container };
}
