import type { AutoSaveSettings } from './auto-save-settings';

export interface AutoSaveCandidate {
  /** The URL the page will be stored under: the rules must judge the record that is written, not another URL. */
  readonly url: string;
  readonly incognito: boolean;
  readonly hasPasswordField: boolean;
}

export type AutoSaveDecision =
  | { readonly save: true }
  | { readonly save: false; readonly reason: 'off' | 'incognito' | 'password' | 'not-web' | 'denied' | 'not-allowed' };

/** True when `host` is `site` or one of its subdomains. */
export function hostMatches(host: string, site: string): boolean {
  const wanted = site.trim().toLowerCase().replace(/^\*\./, '');
  return wanted !== '' && (host === wanted || host.endsWith(`.${wanted}`));
}

/**
 * Whether a page the user has been reading may be saved automatically. Never
 * in incognito, never on pages with a password field, never on denied
 * (private) sites, and only on allowed sites when an allow-list is set.
 */
export function decideAutoSave(settings: AutoSaveSettings, candidate: AutoSaveCandidate): AutoSaveDecision {
  if (!settings.enabled) return { save: false, reason: 'off' };
  if (candidate.incognito) return { save: false, reason: 'incognito' };
  if (candidate.hasPasswordField) return { save: false, reason: 'password' };
  let host: string;
  try {
    const url = new URL(candidate.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { save: false, reason: 'not-web' };
    host = url.hostname.toLowerCase();
  } catch {
    return { save: false, reason: 'not-web' };
  }
  if (settings.deny.some((site) => hostMatches(host, site))) return { save: false, reason: 'denied' };
  if (settings.allow.length > 0 && !settings.allow.some((site) => hostMatches(host, site))) {
    return { save: false, reason: 'not-allowed' };
  }
  return { save: true };
}
