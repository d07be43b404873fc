import type { MessageKey } from '../../lib/i18n/en';

/**
 * The options page's sections, in page order. Each id is an anchor:
 * `options.html#providers` opens the page at that section (the side panel
 * links there after a 401), so ids are part of the page's interface.
 */
export const optionsSections = [
  { id: 'providers', title: 'settings.section.providers' },
  { id: 'actions', title: 'settings.section.actions' },
  { id: 'agent', title: 'settings.section.agent' },
  { id: 'library', title: 'settings.section.library' },
  { id: 'data', title: 'settings.section.data' },
  { id: 'advanced', title: 'settings.section.advanced' },
] as const satisfies ReadonlyArray<{ id: string; title: MessageKey }>;

export type OptionsSectionId = (typeof optionsSections)[number]['id'];

/** The section a location hash names (`#data` → `data`), or undefined. */
export function sectionFromHash(hash: string): OptionsSectionId | undefined {
  const id = hash.replace(/^#/, '');
  return optionsSections.find((section) => section.id === id)?.id;
}
