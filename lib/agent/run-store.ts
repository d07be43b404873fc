import { db } from '../db/database';
import type { ChatMessageParam } from '../llm/stream-completion';
import { AsideError } from '../messaging/errors';
import { newUntrustedNonce } from '../prompt/untrusted';
import type { StepStatus } from './agent-stream-protocol';
import type { AgentRunRecord, RunStatus } from './run-records';

/** Creates a run record for a new goal. */
export async function createRun(fields: Pick<AgentRunRecord, 'goal' | 'profileId' | 'model' | 'tabId'>) {
  const now = Date.now();
  const run: AgentRunRecord = {
    ...fields,
    id: crypto.randomUUID(),
    untrustedNonce: newUntrustedNonce(),
    status: 'running',
    transcript: [{ role: 'user', content: fields.goal }],
    steps: 0,
    usage: { promptTokens: 0, completionTokens: 0 },
    createdAt: now,
    updatedAt: now,
  };
  await db().runs.add(run);
  return run;
}

export async function updateRun(id: string, changes: Partial<AgentRunRecord>): Promise<void> {
  await db().runs.update(id, { ...changes, updatedAt: Date.now() });
}

export async function saveTranscript(id: string, transcript: readonly ChatMessageParam[], steps: number) {
  await updateRun(id, { transcript: [...transcript], steps });
}

export async function endRun(id: string, status: RunStatus, changes: Partial<AgentRunRecord> = {}) {
  await updateRun(id, { ...changes, status });
}

/**
 * The stored run a Resume picks up, marked running again when it was cut off
 * (interrupted, or still marked running by a worker that died); returned as it
 * is when it has ended meanwhile (done, stopped, failed), or undefined when
 * there is no such run of this kind. One transaction: two Resumes cannot both
 * see it cut off.
 */
export async function reopenRun(runId: string, kind: 'agent' | 'team'): Promise<AgentRunRecord | undefined> {
  const database = db();
  return database.transaction('rw', database.runs, async () => {
    const run = await database.runs.get(runId);
    if (!run || (run.team !== undefined) !== (kind === 'team')) return undefined;
    if (run.status !== 'interrupted' && run.status !== 'running') return run;
    const updatedAt = Date.now();
    await database.runs.update(runId, { status: 'running', updatedAt });
    return { ...run, status: 'running', updatedAt };
  });
}

/** How many steps a run has stored, where a resumed run's numbering continues. */
export function countSteps(runId: string): Promise<number> {
  return db().runSteps.where('[runId+index]').between([runId, 0], [runId, Infinity]).count();
}

/** A step written as its call starts; its result is filled in by `setStepStatus`. */
export async function startStep(
  runId: string,
  index: number,
  callId: string,
  tool: string,
  args: string,
  /** A team member's turn; its call ids are only unique within the turn. */
  turnId?: string,
) {
  await db().runSteps.add({
    id: `${runId}:${callId}`,
    runId,
    index,
    callId,
    ...(turnId ? { turnId } : {}),
    tool,
    arguments: args,
    status: 'running',
    createdAt: Date.now(),
  });
}

export async function setStepStatus(
  runId: string,
  callId: string,
  status: StepStatus,
  preview?: string,
  durationMs?: number,
) {
  await db().runSteps.update(`${runId}:${callId}`, {
    status,
    ...(preview === undefined ? {} : { preview }),
    ...(durationMs === undefined ? {} : { durationMs }),
  });
}

/**
 * A fresh service worker runs nothing, so runs still marked running were cut
 * by the previous worker's end: they and their open steps become interrupted,
 * keeping everything done so far for Resume.
 */
export async function markInterruptedRuns(workerStartedAt: number): Promise<void> {
  const cut = await db()
    .runs.where('status')
    .equals('running')
    .filter((run) => run.updatedAt < workerStartedAt)
    .toArray();
  const error = new AsideError('stream-broken', 'The run was interrupted when the browser stopped Aside.').toJSON();
  for (const run of cut) {
    await db().runs.update(run.id, { status: 'interrupted', error });
    await db()
      .runSteps.where('[runId+index]')
      .between([run.id, 0], [run.id, Infinity])
      .filter((step) => step.status === 'running' || step.status === 'waiting')
      .modify({ status: 'interrupted' });
  }
}
