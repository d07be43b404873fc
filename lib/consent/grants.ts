import { consentGrantsItem } from '../settings/secure-settings';

/**
 * "Always for this site" grants, per scope and site (origin). A scope is an
 * agent tool's name (`fetch_url`, `open_url`, …) or `link-reader` for the
 * in-page "Ask Aside about this link": allowing fetch_url on one site allows
 * neither open_url there, nor fetch_url anywhere else, nor the link reader.
 * Stored in IndexedDB (lib/settings/secure-settings.ts), out of content
 * scripts' reach, and granted only from Aside's own pages.
 */
export type GrantScope = string;

/** The in-page link reader's scope, separate from every agent tool's grants. */
export const linkReaderScope: GrantScope = 'link-reader';

const key = (scope: GrantScope, site: string) => `${scope} ${site}`;

export async function hasGrant(scope: GrantScope, site: string): Promise<boolean> {
  return (await consentGrantsItem.getValue())[key(scope, site)] === true;
}

export async function addGrant(scope: GrantScope, site: string): Promise<void> {
  const grants = await consentGrantsItem.getValue();
  await consentGrantsItem.setValue({ ...grants, [key(scope, site)]: true });
}
