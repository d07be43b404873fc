import { en, type MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/translate';
import type { TeamDuty, TeamPattern } from './team';

/** A pattern's name in the UI language ("Debate", "辩论"). */
export function patternLabel(pattern: TeamPattern, t: Translate): string {
  return t(`team.pattern.${pattern}`);
}

/** A duty's name in the UI language ("Judge", "裁判"). */
export function dutyLabel(duty: TeamDuty, t: Translate): string {
  return t(`team.duty.${duty}`);
}

/** `key` when it names a message, so ids built at run time (preset ids) can pick optional translations. */
export function messageKey(key: string): MessageKey | undefined {
  return Object.hasOwn(en, key) ? (key as MessageKey) : undefined;
}
