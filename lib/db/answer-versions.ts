import type { AnswerVersion, MessageRecord } from './records';

/**
 * Regenerated answers are kept, not dropped: the answer shown is the message
 * record itself, the others live in its `otherVersions`. Switching versions
 * swaps fields, so everything that reads messages (prompts, the chat, exports)
 * sees the shown version without knowing about versions.
 */

/** The answer's fields that differ between versions. */
const versionKeys = [
  'content',
  'reasoning',
  'model',
  'usage',
  'sources',
  'linkCheck',
  'rating',
  'edited',
  'status',
  'error',
] as const;

/** The shown answer as a version. */
export function shownVersion(message: MessageRecord): AnswerVersion {
  const version: AnswerVersion = { version: message.version ?? 1, content: message.content, status: message.status };
  for (const key of versionKeys) {
    if (message[key] !== undefined) Object.assign(version, { [key]: message[key] });
  }
  return version;
}

/** Every version of an answer, in the order they were made. */
export function allVersions(message: MessageRecord): AnswerVersion[] {
  return [shownVersion(message), ...(message.otherVersions ?? [])].sort((a, b) => a.version - b.version);
}

/** How many answers the question has had. */
export function versionCount(message: MessageRecord): number {
  return 1 + (message.otherVersions?.length ?? 0);
}

/**
 * What a new answer to the same question carries over: the replaced answer and
 * its own other versions, except failed or cut ones (a retry replaces those).
 */
export function carriedVersions(replaced: MessageRecord | undefined): AnswerVersion[] {
  if (replaced?.role !== 'assistant') return [];
  return allVersions(replaced).filter((version) => version.status === 'complete' && version.content.length > 0);
}

/** The changes that show `version` instead of the current answer (undefined removes a field), or null if unknown. */
export function switchTo(message: MessageRecord, version: number): Partial<MessageRecord> | null {
  const target = message.otherVersions?.find((other) => other.version === version);
  if (!target) return null;
  const changes: Partial<MessageRecord> = {
    version,
    otherVersions: [...(message.otherVersions ?? []).filter((other) => other !== target), shownVersion(message)].sort(
      (a, b) => a.version - b.version,
    ),
  };
  for (const key of versionKeys) Object.assign(changes, { [key]: target[key] });
  return changes;
}
