import { type ToolMode, toolModesItem } from '../settings/secure-settings';

export type { ToolMode };

/**
 * Which providers need the prompted tool protocol, per profile id. Learned the
 * first time a provider rejects `tools` with a 400, so later runs skip the failed request.
 */
export async function toolModeFor(profileId: string): Promise<ToolMode> {
  return (await toolModesItem.getValue())[profileId] ?? 'native';
}

export async function rememberToolMode(profileId: string, mode: ToolMode): Promise<void> {
  await toolModesItem.setValue({ ...(await toolModesItem.getValue()), [profileId]: mode });
}
