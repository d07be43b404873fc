import { AsideError } from '../messaging/errors';
import { keyOrigin, setApiKey, storedKeyOrigin } from './api-keys';
import type { Profile, ProfileDraft } from './profile';
import { activeProfileItem, profilesItem } from './secure-settings';

/**
 * Saves a profile (new or existing) and, when given, its key. Background only.
 * A stored key stays with the origin it was saved for: moving a profile to
 * another origin without giving the key again is refused, so a changed base
 * URL can never carry the old key to a new server.
 */
export async function saveProfile(draft: ProfileDraft, apiKey: string | null | undefined): Promise<Profile> {
  const profiles = await profilesItem.getValue();
  const id = draft.id ?? crypto.randomUUID();
  const previous = profiles.find((profile) => profile.id === id);
  if (apiKey === undefined && previous?.hasApiKey) {
    const bound = await storedKeyOrigin(id);
    if (bound && bound !== keyOrigin(draft.baseURL)) {
      throw new AsideError('key-origin', `The key of ${previous.name} was saved for ${bound}; enter it again.`);
    }
  }
  if (apiKey !== undefined) await setApiKey(id, apiKey, draft.baseURL);
  const hasApiKey = apiKey === undefined ? (previous?.hasApiKey ?? false) : Boolean(apiKey);
  const profile: Profile = { ...draft, id, hasApiKey };
  const next = previous ? profiles.map((p) => (p.id === id ? profile : p)) : [...profiles, profile];
  await profilesItem.setValue(next);
  // The first profile becomes the active one, so a new user can chat at once.
  if (!(await activeProfileItem.getValue())) await activeProfileItem.setValue({ profileId: id, model: profile.model });
  return profile;
}

export async function deleteProfile(id: string): Promise<void> {
  const profiles = (await profilesItem.getValue()).filter((profile) => profile.id !== id);
  await profilesItem.setValue(profiles);
  await setApiKey(id, null);
  const active = await activeProfileItem.getValue();
  if (active?.profileId === id) {
    const first = profiles[0];
    await activeProfileItem.setValue(first ? { profileId: first.id, model: first.model } : null);
  }
}

/** The profile a chat should use: the one asked for, else the active one. */
export async function resolveProfile(profileId?: string): Promise<Profile> {
  const profiles = await profilesItem.getValue();
  const wanted = profileId ?? (await activeProfileItem.getValue())?.profileId;
  const profile = profiles.find((p) => p.id === wanted) ?? profiles[0];
  if (!profile) throw new AsideError('no-provider', 'No provider is set up yet.');
  return profile;
}
