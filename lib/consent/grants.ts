import { storage } from 'wxt/utils/storage';

/**
 * "Always for this site" grants, per tool and site (origin): allowing
 * fetch_url on one site allows neither open_url there nor fetch_url anywhere else.
 */
export const consentGrantsItem = storage.defineItem<Record<string, true>>('local:agentConsentGrants', {
  fallback: {},
  version: 1,
});

const key = (tool: string, site: string) => `${tool} ${site}`;

export async function hasGrant(tool: string, site: string): Promise<boolean> {
  return (await consentGrantsItem.getValue())[key(tool, site)] === true;
}

export async function addGrant(tool: string, site: string): Promise<void> {
  const grants = await consentGrantsItem.getValue();
  await consentGrantsItem.setValue({ ...grants, [key(tool, site)]: true });
}
