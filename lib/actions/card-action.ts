import { z } from 'zod';
import { type Action, actionKinds } from './action';
import { variablesIn } from './render-template';

/**
 * What a content script learns of an action: enough to label a button and
 * open the card, never the template (which stays in the background with the
 * rest of the user's settings).
 */
export const cardActionSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(80),
  icon: z.string().max(8),
  kind: z.enum(actionKinds),
  builtin: z.boolean(),
  /** The template asks for `{{input}}`: the card asks the user before running. */
  needsInput: z.boolean(),
});
export type CardAction = z.infer<typeof cardActionSchema>;

export function toCardAction(action: Action): CardAction {
  return {
    id: action.id,
    name: action.name,
    icon: action.icon,
    kind: action.kind,
    builtin: action.builtin,
    needsInput: variablesIn(action.template).includes('input'),
  };
}
