import type { RecordedRequest, ScriptedReply } from './openai-server';
import { error, type ScriptedResponse } from './scripted-responses';

type Message = { role: string; content: string | null };
const messagesOf = (request: RecordedRequest) =>
  ((request.body as { messages?: Message[] })?.messages ?? []) as Message[];

/** The member a request speaks for, from the first line of its system prompt ("You are Researcher, a member…"). */
export function memberOf(request: RecordedRequest): string {
  const system = messagesOf(request).find((message) => message.role === 'system')?.content ?? '';
  return system.match(/^You are (.+?), a member of the team/)?.[1] ?? '(not a team member)';
}

/** The user message of a member's turn: the objective, the transcript so far and what is asked now. */
export function briefOf(request: RecordedRequest): string {
  return messagesOf(request).find((message) => message.role === 'user')?.content ?? '';
}

/** Tool results already in the request: the member is in the second step of its turn. */
export function toolResultsOf(request: RecordedRequest): string[] {
  return messagesOf(request).flatMap((message) => (message.role === 'tool' ? [message.content ?? ''] : []));
}

/** What a scripted member answers: its nth request (0-based) and the request itself. */
export type MemberScript = (request: RecordedRequest, nth: number) => ScriptedResponse;

/**
 * A scripted model per role: each request is answered by the script of the
 * member it speaks for, and the order of speakers is recorded, so a test can
 * assert who spoke when, even when several speak at once.
 */
export function roleScript(scripts: Record<string, MemberScript>): ScriptedReply & { readonly speakers: string[] } {
  const counts = new Map<string, number>();
  const speakers: string[] = [];
  const reply = (request: RecordedRequest): ScriptedResponse => {
    const member = memberOf(request);
    const nth = counts.get(member) ?? 0;
    counts.set(member, nth + 1);
    speakers.push(member);
    const script = scripts[member];
    // A 500 rather than a throw: the test then fails on the run's error instead of hanging.
    return script ? script(request, nth) : error(500, { message: `No script for ${member}` });
  };
  return Object.assign(reply, { speakers });
}
