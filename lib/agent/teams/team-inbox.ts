/** What the user sent a running team since its last turn: interjections, and an edited task list. */
export interface TeamInbox {
  interjections: string[];
  tasks?: { id?: string; text: string }[];
}

const inboxes = new Map<string, TeamInbox>();

/** Opens the inbox of a run that starts (or resumes) in this service worker. */
export function openInbox(runId: string): TeamInbox {
  const inbox: TeamInbox = { interjections: [] };
  inboxes.set(runId, inbox);
  return inbox;
}

export function closeInbox(runId: string): void {
  inboxes.delete(runId);
}

/** False when the run is not running here (finished, or cut by a restart). */
export function interject(runId: string, text: string): boolean {
  const inbox = inboxes.get(runId);
  inbox?.interjections.push(text);
  return inbox !== undefined;
}

export function replaceTasks(runId: string, tasks: { id?: string; text: string }[]): boolean {
  const inbox = inboxes.get(runId);
  if (inbox) inbox.tasks = tasks;
  return inbox !== undefined;
}
