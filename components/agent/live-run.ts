/** What every live run (agent or team) has: whether it runs, and the prompts waiting for the user. */
export interface LiveRunBase {
  readonly running: boolean;
  readonly prompts: readonly { readonly promptId: string }[];
  readonly lost?: boolean;
}

/** The run after its stream closed without a terminal event (the service worker died). */
export function lostRun<L extends LiveRunBase>(run: L): L {
  return { ...run, running: false, prompts: [], lost: true };
}

/** Drops a prompt the user just answered. */
export function withoutPrompt<L extends LiveRunBase>(run: L, promptId: string): L {
  return { ...run, prompts: run.prompts.filter((prompt) => prompt.promptId !== promptId) };
}
