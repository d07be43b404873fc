import { z } from 'zod';
import { tool } from '../tool';

/** Asks the user back when the goal is unclear; the run waits for the answer. */
export const askUser = tool({
  name: 'ask_user',
  description:
    'Asks the user a clarifying question and waits for the answer. Offer short choices when the answer is one of a few.',
  input: z.object({
    question: z.string().min(1).max(2000),
    choices: z.array(z.string().min(1).max(200)).max(8).optional(),
  }),
  risk: 'read',
  async run({ question, choices }, context) {
    const answer = await context.ask(question, choices ?? []);
    return `The user answered: ${answer}`;
  },
});
