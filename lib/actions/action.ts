import { z } from 'zod';

/** Where an action is offered. */
export const actionSurfaces = ['toolbar', 'contextMenu', 'sidePanel'] as const;
export type ActionSurface = (typeof actionSurfaces)[number];

/**
 * What an action does beyond sending its prompt: `prompt` streams the answer
 * into the in-page card, `ask` opens the side panel with the selection quoted,
 * `save` stores the selection as a library clip.
 */
export const actionKinds = ['prompt', 'ask', 'save'] as const;

/** One Embedded-mode action: a prompt template with a name, an icon and the places it appears. */
export const actionSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(80),
  /** A short glyph (emoji or one or two characters); never a URL, so nothing is loaded remotely. */
  icon: z.string().max(8),
  surfaces: z.array(z.enum(actionSurfaces)),
  template: z.string().max(20_000),
  enabled: z.boolean(),
  kind: z.enum(actionKinds).default('prompt'),
  builtin: z.boolean().default(false),
});
export type Action = z.output<typeof actionSchema>;
export type ActionDraft = z.input<typeof actionSchema>;

/**
 * The user's actions as stored: their own ones, plus the order and on/off
 * state of all of them (built-ins included). Built-in templates are not
 * stored, so an update that improves a built-in reaches every user.
 */
export const storedActionsSchema = z.object({
  custom: z.array(actionSchema).max(500),
  /** Action ids in the user's order; ids not listed follow in default order. */
  order: z.array(z.string().max(100)).max(1000),
  disabled: z.array(z.string().max(100)).max(1000),
});
export type StoredActions = z.output<typeof storedActionsSchema>;
